#!/usr/bin/env bash
# RabbitMQ's own PerfTest on the broker the messaging pair runs on, shaped like the pair: one publisher,
# two consumers acknowledging each message, persistent 100-byte messages on a durable queue, publisher
# confirms with at most 500 outstanding, prefetch 10. (Kafka's tools and the jnats loop run inside
# MessagingBenchmark, on the pair's own brokers.)
#   benchmarks/messaging/ceilings.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-20}"
../../mvnw -q -B -f ceilings/pom.xml dependency:copy-dependencies -DoutputDirectory=target/lib
java -cp 'ceilings/target/lib/*' com.rabbitmq.perf.PerfTest -h amqp://guest:guest@127.0.0.1:5672 \
    -x 1 -y 2 -u switchboard-ceiling -f persistent -c 500 -q 10 -s 100 -z "$seconds" 2>&1 | grep -E "rate avg|latency min"
