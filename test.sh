#!/usr/bin/env bash
#
# Every test: ./mvnw verify (unit, real-broker, fault, end-to-end and browser tests), then ./compose-test.sh (the
# compose stack in containers with podman). Installs what they need when it is missing, with apt (as root or with
# sudo): Chromium and Node.js for the browser tests, kcat, and the compilers npm needs to build kafkajs-lz4's lz4 for
# the outside-client tests (OutsideClientsIT), and Prometheus for the dashboard's queries (MonitoringIT; Debian's does
# not start as a service where there is no systemd, and the test runs its own); compose-test.sh installs podman and
# its tools itself.
#   ./test.sh                      everything (about 30 minutes on 2 cores)
#   CONTAINERS=false ./test.sh     without the container test
#   ./test.sh -pl ride-serde -am   arguments go to ./mvnw verify
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")"

as_root() { if ((EUID == 0)); then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v kcat >/dev/null || missing+=(kcat)
command -v make >/dev/null || missing+=(make)
command -v g++ >/dev/null || missing+=(g++)
command -v python3 >/dev/null || missing+=(python3)
command -v prometheus >/dev/null || missing+=(prometheus)
if ((${#missing[@]} > 0)); then
  echo "==> Installing ${missing[*]} (for the browser, outside-client and monitoring tests)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

./mvnw -B verify "$@"

if [[ ${CONTAINERS:-true} != false ]]; then
  ./compose-test.sh </dev/null
fi
