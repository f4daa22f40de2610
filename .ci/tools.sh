#!/usr/bin/env bash
# Installs the programs some tests run besides the JDK, the wrapper's Maven and the services, when they are missing:
#   /usr/share/maven (Debian's Maven 3.8.x): the plugin's integration tests also run under it;
#   promtool (Debian's prometheus): checks the generated Prometheus rules;
#   chromium (Debian's): the service page is tested in it, driven by playwright-core (npm, installed by the test).
# Idempotent and quick when everything is there. Tests never skip a missing tool: they fail, naming this script.
set -euo pipefail

missing=()
[ -x /usr/share/maven/bin/mvn ] || missing+=(maven)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -eq 0 ]; then
  echo "tools: all present"
  exit 0
fi
echo "tools: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "tools: installed ${missing[*]}"
