#!/usr/bin/env bash
#
# Runs compose.yaml in containers with podman, as a user would, and checks that it tells the truth:
#   - makes the Debian base images the Dockerfiles start from when they are missing (kept for later runs),
#   - builds every image from the Dockerfiles with podman-compose,
#   - starts compose.yaml + compose.podman.yaml (which swaps only Kafka's and Confluent's images, which cannot be
#     pulled here) with both consumers of the two-consumers profile,
#   - every service turns healthy (Grafana of the profile monitoring left out: no image for it here) (podman-compose 1.0 starts them all at once, ignoring "condition: service_healthy",
#     so the start order compose.yaml asks for is checked in the file, by ComposeFileTest, not here);
#   - a replay through the producer's published port; both consumers' /stats equal the figures worked out here;
#   - Prometheus scrapes the three services (monitoring/prometheus/prometheus.yml) and has the rides counted;
#   - a consumer killed (kill -9) is restarted by its restart policy and the totals stay exact;
#   - with Kafka stopped the producer turns unhealthy, and healthy again once Kafka is back; a replay then works;
#   - "down" leaves no container, network or volume of the project.
# Prints the image sizes and build times, each service's time to healthy and the fault figures.
#
# Needs root, or sudo, only to install podman, podman-compose, runc and debootstrap when they are missing, and to
# make the base images. CONTAINERS_CONF defaults to .run/podman/containers.conf: runc, cgroupfs, no default ulimits,
# which podman needs on machines without systemd.
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")"

PROJECT=ridestream-compose-test
COMPOSE=(podman-compose -p "$PROJECT" -f compose.yaml -f compose.podman.yaml)
# Every service but Grafana (profile monitoring), whose image cannot be pulled or built here. podman-compose 1.0
# ignores profiles, so the services are named to "up".
SERVICES=(kafka schema-registry ride-consumer-service ride-consumer-service-2 ride-producer-service prometheus)
RIDES_CSV=ride-producer-service/src/main/resources/data/rides.csv
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-300}

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
as_root() { if ((EUID == 0)); then "$@"; else sudo "$@"; fi; }
now() { date +%s.%N; }
since() { awk -v from="$1" -v to="$(now)" 'BEGIN { printf "%.1f", to - from }'; }
container() { echo "${PROJECT}_$1_1"; }

install_tools() {
  local missing=()
  command -v podman >/dev/null || missing+=(podman)
  command -v podman-compose >/dev/null || missing+=(podman-compose)
  command -v runc >/dev/null || missing+=(runc)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]} > 0)); then
    step "Installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [[ -z ${CONTAINERS_CONF:-} ]]; then
    mkdir -p .run/podman
    printf '[containers]\ndefault_ulimits = []\n[engine]\ncgroup_manager = "cgroupfs"\nruntime = "runc"\n' \
      >.run/podman/containers.conf
    export CONTAINERS_CONF=$PWD/.run/podman/containers.conf
  fi
  podman --version
  podman-compose version 2>/dev/null | grep -i 'podman-compose' || true
}

# The Dockerfiles start from eclipse-temurin:17-jdk and :17-jre. Where no registry can be reached, the same JDK and
# JRE come from Debian's packages, with this machine's trusted certificates (as behind a TLS-inspecting proxy), so
# Maven in the build stage can verify its repository.
make_base_image() {
  local tag=$1 package=$2 root
  if podman image exists "eclipse-temurin:$tag"; then
    echo "eclipse-temurin:$tag: present"
    return
  fi
  local started
  started=$(now)
  root=$(mktemp -d)
  as_root debootstrap --variant=minbase --include="$package,bash,ca-certificates" \
    "${DEBIAN_RELEASE:-bookworm}" "$root" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >/dev/null
  as_root cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
  if [[ -f /etc/ssl/certs/java/cacerts ]]; then
    as_root cp /etc/ssl/certs/java/cacerts "$root/etc/ssl/certs/java/cacerts"
  fi
  as_root rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  as_root tar -C "$root" -c . | podman import --quiet --change 'CMD ["bash"]' - "localhost/eclipse-temurin:$tag" >/dev/null
  as_root rm -rf "$root"
  echo "eclipse-temurin:$tag: made from Debian's $package in $(since "$started") s"
}

image_size() { podman image inspect --format '{{.Size}}' "$1" | awk '{ printf "%d MB", $1 / 1000000 }'; }

build_images() {
  local service started
  for service in kafka schema-registry ride-consumer-service ride-producer-service prometheus; do
    started=$(now)
    "${COMPOSE[@]}" build "$service" >".run/compose-test/build-$service.log" 2>&1 \
      || { tail -n 40 ".run/compose-test/build-$service.log"; fail "building $service"; }
    printf '%-24s built in %6s s  %s\n' "$service" "$(since "$started")" "$(image_size "$(image_of "$service")")"
  done
}

image_of() {
  case $1 in
    kafka) echo ride-stream/local-kafka:0.1.0-SNAPSHOT ;;
    schema-registry) echo ride-stream/test-schema-registry:0.1.0-SNAPSHOT ;;
    prometheus) echo ride-stream/prometheus:0.1.0-SNAPSHOT ;;
    *) echo "ride-stream/$1:0.1.0-SNAPSHOT" ;;
  esac
}

container_started() {
  date -d "$(podman inspect --format '{{.State.StartedAt}}' "$(container "$1")" | sed 's/ UTC$//')" +%s.%N
}

healthy() { podman healthcheck run "$(container "$1")" >/dev/null 2>&1; }

# podman runs health checks on a timer only under systemd, so they are run here: every second, for each service not
# yet healthy, until all are (or the timeout). Prints each service's time to healthy since "up" and since its start.
declare -A HEALTHY_AT
await_all_healthy() {
  local started=$1 pending=("${SERVICES[@]}") service left
  while ((${#pending[@]} > 0)); do
    left=()
    for service in "${pending[@]}"; do
      if healthy "$service"; then
        HEALTHY_AT[$service]=$(since "$started")
        printf '%-24s healthy %5s s after "up", %5s s after its container started\n' "$service" \
          "${HEALTHY_AT[$service]}" "$(since "$(container_started "$service")")"
      else
        left+=("$service")
      fi
    done
    pending=("${left[@]}")
    if ((${#pending[@]} > 0)); then
      (($(since "$started" | cut -d. -f1) < HEALTH_TIMEOUT)) || fail "not healthy after ${HEALTH_TIMEOUT} s: ${pending[*]}"
      sleep 1
    fi
  done
}


# Waits until a check passes, polling every second; prints the seconds it took.
await() {
  local what=$1 timeout=$2 started
  shift 2
  started=$(now)
  until "$@"; do
    (($(since "$started" | cut -d. -f1) < timeout)) || fail "$what: not within $timeout s"
    sleep 1
  done
  since "$started"
}

unhealthy() { ! healthy "$1" && [[ $(podman inspect --format '{{.State.Health.Status}}' "$(container "$1")") == unhealthy ]]; }

replay() {
  curl -sS --fail-with-body -X POST -H 'X-Requested-By: compose-test' \
    'http://127.0.0.1:8080/rides/replay?wait=true' >".run/compose-test/replay.json"
  python3 - "$1" <<'EOF'
import json, sys
job = json.load(open(".run/compose-test/replay.json"))
expected = int(sys.argv[1])
if job["state"] != "COMPLETED" or job["published"] != expected:
    sys.exit(f"FAILED: replay {job['state']} with {job['published']} published, expected {expected}: {job}")
print(f"Replay {job['id']}: {job['state']}, {job['published']} rides published")
EOF
}

# The figures of rides.csv times the number of replays, worked out here from the file with Python's decimals.
expected_stats() {
  python3 - "$RIDES_CSV" "$1" <<'EOF'
import csv, json, sys
from decimal import Decimal
rows = list(csv.DictReader(open(sys.argv[1])))
times = int(sys.argv[2])
print(json.dumps({
    "totalRides": len(rows) * times,
    "totalPassengers": sum(int(r["passenger_count"] or 0) for r in rows) * times,
    "totalAmount": str(sum(Decimal(r["total_amount"]) for r in rows) * times),
    "totalTips": str(sum(Decimal(r["tip_amount"]) for r in rows) * times),
}))
EOF
}

stats_equal() {
  local port=$1 expected=$2
  curl -sf "http://127.0.0.1:$port/stats" >".run/compose-test/stats-$port.json" || return 1
  python3 - ".run/compose-test/stats-$port.json" "$expected" <<'EOF'
import json, sys
from decimal import Decimal
stats = json.load(open(sys.argv[1]))
expected = json.loads(sys.argv[2])
def same(key):
    return Decimal(str(stats.get(key))) == Decimal(str(expected[key])) if key in stats else False
sys.exit(0 if all(same(key) for key in expected) else 1)
EOF
}

await_exact_stats() {
  local replays=$1 expected port
  expected=$(expected_stats "$replays")
  for port in 8081 8082; do
    await "/stats on $port equal to $expected" 120 stats_equal "$port" "$expected" >/dev/null \
      || fail "consumer on $port: $(cat ".run/compose-test/stats-$port.json" 2>/dev/null)"
  done
  echo "Both consumers (8081, 8082) serve the exact figures of $replays replay(s): $expected"
}

# Whether Prometheus, on its published port, has every target of its scrape config up (the producer and both
# consumers) and the consumers' count of the rides.
prometheus_sees() {
  curl -sf 'http://127.0.0.1:9090/api/v1/query?query=up' >.run/compose-test/prometheus-up.json || return 1
  curl -sf 'http://127.0.0.1:9090/api/v1/query?query=max(ridestream_rides_consumed_total)' \
    >.run/compose-test/prometheus-rides.json || return 1
  python3 - "$1" <<'EOF'
import json, sys
up = json.load(open(".run/compose-test/prometheus-up.json"))["data"]["result"]
rides = json.load(open(".run/compose-test/prometheus-rides.json"))["data"]["result"]
instances = sorted(sample["metric"]["instance"] for sample in up if sample["value"][1] == "1")
expected = ["ride-consumer-service-2:8081", "ride-consumer-service:8081", "ride-producer-service:8080"]
sys.exit(0 if instances == expected and rides and float(rides[0]["value"][1]) == float(sys.argv[1]) else 1)
EOF
}

project_leftovers() {
  podman ps -a --format '{{.Names}}' | grep "^${PROJECT}_" || true
  podman network ls --format '{{.Name}}' | grep "^${PROJECT}_" || true
  podman volume ls --format '{{.Name}}' | grep "^${PROJECT}_" || true
}

# docker compose and podman-compose 1.1+ remove the project's network on "down"; podman-compose 1.0 (Debian 12's) leaves
# it, which would make the next "up" reuse it. Said, then removed.
remove_network_left_by_podman_compose_1_0() {
  local network=${PROJECT}_default
  if podman network exists "$network"; then
    echo "podman-compose $(podman-compose version 2>/dev/null | awk '/podman-compose/ { print $NF }') left the network $network: removing it"
    podman network rm "$network" >/dev/null
  fi
}

on_exit() {
  local status=$?
  if ((status != 0)) && [[ -n ${STACK_UP:-} ]]; then
    for service in "${SERVICES[@]}"; do
      echo "--- last log lines of $service"
      podman logs --tail 30 "$(container "$service")" 2>&1 || true
    done
  fi
  if [[ -n ${STACK_UP:-} ]]; then
    "${COMPOSE[@]}" down >/dev/null 2>&1 || true
    remove_network_left_by_podman_compose_1_0 || true
  fi
  exit "$status"
}
trap on_exit EXIT

mkdir -p .run/compose-test
install_tools

step "Base images (eclipse-temurin:17-jdk, :17-jre)"
make_base_image 17-jdk openjdk-17-jdk-headless
make_base_image 17-jre openjdk-17-jre-headless

step "Images: ${COMPOSE[*]} build"
if [[ -n $(project_leftovers) ]]; then
  echo "Removing what an earlier run left: $(project_leftovers | tr '\n' ' ')"
  "${COMPOSE[@]}" down >/dev/null 2>&1 || true
  remove_network_left_by_podman_compose_1_0
fi
build_images

step "Up: ${COMPOSE[*]} up -d"
STACK_UP=true
started=$(now)
"${COMPOSE[@]}" up -d "${SERVICES[@]}" >.run/compose-test/up.log 2>&1 || { cat .run/compose-test/up.log; fail "up"; }
await_all_healthy "$started"
echo "Every service healthy"

step "Replay rides.csv through the producer's published port"
rides=$(($(grep -c '[^[:space:]]' "$RIDES_CSV") - 1))
replay "$rides"
await_exact_stats 1

step "Prometheus (profile monitoring) scrapes every service as monitoring/prometheus/prometheus.yml says"
await "every scrape target up, and the rides counted in Prometheus" 90 prometheus_sees "$rides" >/dev/null \
  || fail "Prometheus: $(cat .run/compose-test/prometheus-up.json 2>/dev/null)"
echo "Prometheus scrapes the producer and both consumers (up = 1) and has their $rides rides counted"

step "Kill -9 a consumer: its restart policy brings it back, the totals stay exact"
consumer=$(container ride-consumer-service)
restarts=$(podman inspect --format '{{.RestartCount}}' "$consumer")
as_root kill -9 "$(podman inspect --format '{{.State.Pid}}' "$consumer")"
killed=$(now)
restarted() { (($(podman inspect --format '{{.RestartCount}}' "$consumer") > restarts)) && healthy ride-consumer-service; }
await "the killed consumer restarted and healthy" 180 restarted >/dev/null
echo "Consumer restarted by compose and healthy again $(since "$killed") s after kill -9"
await_exact_stats 1

step "Kafka stopped: the producer turns unhealthy; Kafka back: healthy again, and a replay works"
kafka=$(container kafka)
stopping=$(now)
podman stop "$kafka" >/dev/null 2>&1
echo "Kafka stopped in $(since "$stopping") s (podman stop: SIGTERM, a controlled shutdown)"
stopped=$(now)
failing() { ! healthy "$1"; }
await "producer's health check failing without Kafka" 60 failing ride-producer-service >/dev/null
echo "Producer's health check fails $(since "$stopped") s after Kafka stopped"
await "producer unhealthy without Kafka" 120 unhealthy ride-producer-service >/dev/null
echo "Producer unhealthy $(since "$stopped") s after Kafka stopped (podman counts no failure within the health" \
  "check's start_period, 60 s from the container's start)"
podman start "$kafka" >/dev/null 2>&1
back=$(now)
await "Kafka healthy again" 120 healthy kafka >/dev/null
echo "Kafka healthy $(since "$back") s after it was started again"
await "producer healthy again" 120 healthy ride-producer-service >/dev/null
echo "Producer healthy $(since "$back") s after Kafka was started again"
replay "$rides"
await_exact_stats 2

step "Down: ${COMPOSE[*]} down"
"${COMPOSE[@]}" down >.run/compose-test/down.log 2>&1 || { cat .run/compose-test/down.log; fail "down"; }
STACK_UP=
remove_network_left_by_podman_compose_1_0
leftovers=$(project_leftovers)
[[ -z $leftovers ]] || fail "left behind after down: $leftovers"
echo "No container, network or volume of $PROJECT is left"

step "Compose test passed"
