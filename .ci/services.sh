#!/usr/bin/env bash
# Starts the local brokers and databases the tests talk to when they are not running, then waits until each answers.
# Tests never skip a missing broker: if one cannot be started, they fail, and so does CI.
set -uo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # name port seconds
  for _ in $(seq 1 "$3"); do port_open "$2" && { echo "services: $1 is up on 127.0.0.1:$2"; return 0; }; sleep 1; done
  echo "services: $1 did not come up on 127.0.0.1:$2" >&2
  return 1
}

ensure() { # name port start-command...
  local name=$1 port=$2; shift 2
  if port_open "$port"; then echo "services: $name is up on 127.0.0.1:$port"; return 0; fi
  if ! command -v "$1" >/dev/null 2>&1; then echo "services: $name is down and $1 is not installed" >&2; return 1; fi
  echo "services: starting $name"
  "$@" >/dev/null 2>&1 || true
  wait_for "$name" "$port" 60
}

status=0
ensure RabbitMQ 5672 rabbitmq-server -detached || status=1
ensure PostgreSQL 5432 sh -c 'pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start' || status=1
ensure MariaDB 3306 start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || status=1
ensure NATS 4222 start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
  -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log || status=1
exit $status
