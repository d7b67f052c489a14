#!/usr/bin/env bash
#
# Runs Ride Stream on this machine without Docker: a real Kafka broker (local-kafka; a cluster with KAFKA_NODES),
# the consumer and the producer service. Replays the bundled rides.csv once, prints the statistics, then keeps serving until
# Ctrl-C (or SIGTERM), and stops everything it started.
#
# Usage: ./run-local.sh [--once]
#   --once, RUN_ONCE=true   stop after printing the statistics (smoke test)
#   PRODUCER_PORT=8080 CONSUMER_PORT=8081 KAFKA_PORT=9092 (the Kafka controller uses KAFKA_PORT + 1)
#   KAFKA_NODES=1           brokers: with 3, a cluster of three brokers (ports KAFKA_PORT, +2, +4) and a controller
#                           (KAFKA_PORT + 1), each its own process, logging to $RUN_DIR/kafka-<node>.log; topics get
#                           3 replicas, 2 of which must have each write. A broker that dies (try kill -9) leaves the
#                           others serving; the script prints how to start it again.
#   BIND_ADDRESS=127.0.0.1  the address the services listen on; by default only this machine can reach them
#                           (BIND_ADDRESS=0.0.0.0 opens them to the network: the replay API has no login)
#   KEEP_KAFKA_DATA=true    keep the topic from the previous run (by default Kafka starts empty, so the
#                           statistics are exactly those of rides.csv; with it they add this run's replay to
#                           the rides counted before)
#   READY_TIMEOUT=90        seconds to wait for the services
#   CDS=false               start the services from their plain jars; by default they start with class data
#                           sharing, about twice as fast, once its archives are recorded (a training run of
#                           each service, ~12 s once per build)
#   RUN_DIR=.run            where the logs and Kafka's data go
#   DATA_DIR=./data         the producer's data directory (RIDESTREAM_REPLAY_DATA_DIR; created if missing): the
#                           ride files put in it are listed by GET /rides/files and replayed by name, e.g.
#                           POST /rides/replay?file=yellow_tripdata_2019-01.csv.gz, or from the replay page
#
# Needs Java 17+ and curl. Logs: $RUN_DIR/*.log
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")"

RUN_ONCE=${RUN_ONCE:-false}
for arg in "$@"; do
  case $arg in
    --once) RUN_ONCE=true ;;
    -h | --help) awk 'NR > 2 && !/^#/ { exit } NR > 2 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "Unknown argument: $arg (see --help)" >&2; exit 2 ;;
  esac
done

PRODUCER_PORT=${PRODUCER_PORT:-8080}
CONSUMER_PORT=${CONSUMER_PORT:-8081}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-} # default KAFKA_PORT + 1, set in check_ports
KAFKA_NODES=${KAFKA_NODES:-1}
BIND_ADDRESS=${BIND_ADDRESS:-127.0.0.1}
KEEP_KAFKA_DATA=${KEEP_KAFKA_DATA:-false}
READY_TIMEOUT=${READY_TIMEOUT:-90}
CDS=${CDS:-true}

RUN_DIR=${RUN_DIR:-.run}
DATA_DIR=${DATA_DIR:-$PWD/data}
KAFKA_DATA_DIR=$RUN_DIR/kafka-data
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
VERSION=$(sed -n '/<artifactId>ride-stream<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' pom.xml)
KAFKA_JAR=local-kafka/target/local-kafka-$VERSION-exec.jar
CONSUMER_JAR=ride-consumer-service/target/ride-consumer-service-$VERSION-exec.jar
PRODUCER_JAR=ride-producer-service/target/ride-producer-service-$VERSION-exec.jar

# Where this script reaches the services: their address, or loopback when they listen on every interface.
case $BIND_ADDRESS in
  0.0.0.0 | :: | '[::]') SERVICE_HOST=127.0.0.1 ;;
  *:*) SERVICE_HOST="[$BIND_ADDRESS]" ;;
  *) SERVICE_HOST=$BIND_ADDRESS ;;
esac

KAFKA_PID=         # the single broker, or the cluster's controller
declare -A BROKER_PIDS=() # broker id -> pid, in a cluster
BOOTSTRAP_SERVERS=
KAFKA_NODE_COMMAND=()
CONSUMER_PID=
PRODUCER_PID=

say() { printf '%s\n' "$*" || true; } # "|| true": a closed stdout must not stop the cleanup
die() { printf 'run-local: %s\n' "$*" >&2; exit 1; }

now_ms() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local micros=${EPOCHREALTIME/[.,]/}
    echo $((micros / 1000))
  else
    echo $(($(date +%s) * 1000))
  fi
}

seconds_since() {
  local elapsed=$(($(now_ms) - $1))
  printf '%d.%d s' $((elapsed / 1000)) $((elapsed % 1000 / 100))
}

# --- Stopping -----------------------------------------------------------------------------------------------

# TERM, up to 20 s to exit, then KILL. Services first, so they can still reach Kafka while stopping.
stop_processes() {
  local pid deadline running
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  deadline=$((SECONDS + 20))
  while :; do
    running=
    for pid in "$@"; do
      if kill -0 "$pid" 2>/dev/null; then running="$running $pid"; fi
    done
    [[ -z $running ]] && break
    if ((SECONDS >= deadline)); then
      say "Still running after 20 s, killing:$running"
      for pid in $running; do kill -KILL "$pid" 2>/dev/null || true; done
      break
    fi
    sleep 0.2
  done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}

stop_all() {
  local services=()
  [[ -n $PRODUCER_PID ]] && services+=("$PRODUCER_PID")
  [[ -n $CONSUMER_PID ]] && services+=("$CONSUMER_PID")
  if [[ ${#services[@]} -gt 0 || -n $KAFKA_PID ]]; then say "Stopping..."; fi
  if [[ ${#services[@]} -gt 0 ]]; then stop_processes "${services[@]}"; fi
  # Brokers before the controller, which their controlled shutdown asks to move their partitions' leaders.
  if [[ ${#BROKER_PIDS[@]} -gt 0 ]]; then stop_processes "${BROKER_PIDS[@]}"; fi
  if [[ -n $KAFKA_PID ]]; then stop_processes "$KAFKA_PID"; fi
  PRODUCER_PID='' CONSUMER_PID='' KAFKA_PID=''
  BROKER_PIDS=()
}

on_exit() {
  local status=$?
  trap '' INT TERM HUP PIPE # the cleanup itself is bounded (KILL after 20 s) and must not be cut short
  trap - EXIT
  stop_all
  exit "$status"
}

trap 'exit 0' INT TERM # Ctrl-C and SIGTERM are the normal way to stop: exit 0 through on_exit
trap 'exit 129' HUP    # terminal closed
trap 'exit 141' PIPE   # output piped into a command that quit (e.g. head)
trap on_exit EXIT

# --- Checks -------------------------------------------------------------------------------------------------

check_tools() {
  command -v "$JAVA" >/dev/null || die "Java 17 or newer is required, but 'java' was not found (set JAVA_HOME or PATH)."
  local version major minor
  version=$("$JAVA" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  major=${version%%.*}
  if [[ $major == 1 ]]; then minor=${version#1.}; major=${minor%%.*}; fi
  [[ $major =~ ^[0-9]+$ ]] || die "Cannot tell the Java version from '$JAVA -version'; Java 17 or newer is required."
  ((major >= 17)) || die "Java 17 or newer is required, found Java $version ($(command -v "$JAVA"))."
  command -v curl >/dev/null || die "curl is required (to check the services and start the replay), but it was not found."
}

check_port() { # port, what uses it, variable to change it
  if ! [[ $1 =~ ^[0-9]+$ ]] || (($1 < 1 || $1 > 65535)); then die "$3 must be a port number, not '$1'."; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
    die "Port $1 ($2) is already in use. Stop what is using it, or choose another port with $3=<port>."
  fi
}

broker_port() { # broker id (1..KAFKA_NODES)
  echo $((KAFKA_PORT + 2 * ($1 - 1)))
}

check_ports() {
  [[ $KAFKA_NODES =~ ^[1-9]$ ]] || die "KAFKA_NODES must be a number of brokers from 1 to 9, not '$KAFKA_NODES'."
  check_port "$KAFKA_PORT" "Kafka" KAFKA_PORT
  local id all=("$KAFKA_PORT")
  for ((id = 2; id <= KAFKA_NODES; id++)); do
    check_port "$(broker_port "$id")" "Kafka broker $id, KAFKA_PORT + $((2 * (id - 1)))" KAFKA_PORT
    all+=("$(broker_port "$id")")
  done
  KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
  export KAFKA_CONTROLLER_PORT # read by local-kafka
  check_port "$KAFKA_CONTROLLER_PORT" "Kafka controller" KAFKA_CONTROLLER_PORT
  check_port "$CONSUMER_PORT" "ride-consumer-service" CONSUMER_PORT
  check_port "$PRODUCER_PORT" "ride-producer-service" PRODUCER_PORT
  local ports
  ports=$(printf '%s\n' "${all[@]}" "$KAFKA_CONTROLLER_PORT" "$CONSUMER_PORT" "$PRODUCER_PORT" | sort | uniq -d)
  [[ -z $ports ]] || die "The same port is set twice: $ports"
}

# --- Build --------------------------------------------------------------------------------------------------

# Prints why a jar must be (re)built, or nothing if it is up to date with its module and the shared modules.
stale_reason() { # jar, module
  if [[ ! -f $1 ]]; then
    echo "$1 is missing"
  elif [[ -n $(find "$2/src" "$2/pom.xml" ride-model/src ride-model/pom.xml ride-readers/src ride-readers/pom.xml ride-serde/src ride-serde/pom.xml pom.xml -newer "$1" -print 2>/dev/null | head -n 1) ]]; then
    echo "$1 is older than its sources"
  fi
}

build_if_needed() {
  [[ -n $VERSION ]] || die "Cannot read the project version from pom.xml."
  local reasons
  reasons=$(
    stale_reason "$KAFKA_JAR" local-kafka
    stale_reason "$CONSUMER_JAR" ride-consumer-service
    stale_reason "$PRODUCER_JAR" ride-producer-service
  )
  [[ -z $reasons ]] && return
  say "Building with ./mvnw -B -q -DskipTests package, because:"
  say "$reasons" | sed 's/^/  /'
  local started
  started=$(now_ms)
  ./mvnw -B -q -DskipTests package || die "The build failed (see the Maven output above)."
  for jar in "$KAFKA_JAR" "$CONSUMER_JAR" "$PRODUCER_JAR"; do
    [[ -f $jar ]] || die "The build did not produce $jar."
  done
  say "Built in $(seconds_since "$started")."
}

# --- Starting -----------------------------------------------------------------------------------------------

print_log_tail() { # name
  say "Last 20 lines of $RUN_DIR/$1.log:" >&2
  tail -n 20 "$RUN_DIR/$1.log" | sed 's/^/  | /' >&2
}

fail_if_dead() { # pid, name
  local status
  if ! kill -0 "$1" 2>/dev/null; then
    wait "$1" 2>/dev/null && status=0 || status=$?
    printf 'run-local: %s exited unexpectedly (status %s).\n' "$2" "$status" >&2
    print_log_tail "$2"
    exit 1
  fi
}

await_kafka_node() { # pid, log name, data dir
  local deadline=$((SECONDS + 90))
  until grep -q '^Kafka .*ready on' "$RUN_DIR/$2.log"; do
    fail_if_dead "$1" "$2"
    ((SECONDS < deadline)) || die "Kafka did not start within 90 s; see $RUN_DIR/$2.log and $3/server.log."
    sleep 0.2
  done
  say "$(grep '^Kafka .*ready on' "$RUN_DIR/$2.log")"
}

# The command that starts one node of the cluster (101: the controller), in KAFKA_NODE_COMMAND.
kafka_node_command() { # node id
  KAFKA_NODE_COMMAND=("$JAVA" -jar "$KAFKA_JAR" --nodes "$KAFKA_NODES" --node "$1" --port "$KAFKA_PORT"
    --controller-port "$KAFKA_CONTROLLER_PORT" --data-dir "$KAFKA_DATA_DIR")
}

start_kafka_node() { # node id
  kafka_node_command "$1"
  "${KAFKA_NODE_COMMAND[@]}" </dev/null >"$RUN_DIR/kafka-$1.log" 2>&1 &
}

start_kafka() {
  if [[ $KEEP_KAFKA_DATA != true ]]; then rm -rf "$KAFKA_DATA_DIR"; fi
  if ((KAFKA_NODES == 1)); then
    "$JAVA" -jar "$KAFKA_JAR" --port "$KAFKA_PORT" --data-dir "$KAFKA_DATA_DIR" </dev/null >"$RUN_DIR/kafka.log" 2>&1 &
    KAFKA_PID=$!
    await_kafka_node "$KAFKA_PID" kafka "$KAFKA_DATA_DIR"
    BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
    return
  fi
  local id
  start_kafka_node 101
  KAFKA_PID=$!
  for ((id = 1; id <= KAFKA_NODES; id++)); do
    start_kafka_node "$id"
    BROKER_PIDS[$id]=$!
  done
  await_kafka_node "$KAFKA_PID" kafka-101 "$KAFKA_DATA_DIR/node-101"
  BOOTSTRAP_SERVERS=
  for ((id = 1; id <= KAFKA_NODES; id++)); do
    await_kafka_node "${BROKER_PIDS[$id]}" "kafka-$id" "$KAFKA_DATA_DIR/node-$id"
    BOOTSTRAP_SERVERS+=${BOOTSTRAP_SERVERS:+,}127.0.0.1:$(broker_port "$id")
  done
}

# In a cluster, a broker that dies leaves the others serving: said once, with how to start it again.
watch_brokers() {
  local id status
  for id in "${!BROKER_PIDS[@]}"; do
    if ! kill -0 "${BROKER_PIDS[$id]}" 2>/dev/null; then
      wait "${BROKER_PIDS[$id]}" 2>/dev/null && status=0 || status=$?
      unset "BROKER_PIDS[$id]"
      say "Kafka broker $id exited (status $status); the other brokers serve on. Start it again with:"
      kafka_node_command "$id"
      say "  $(printf '%q ' "${KAFKA_NODE_COMMAND[@]}")>>$RUN_DIR/kafka-$id.log 2>&1 &"
    fi
  done
}

# --- Class data sharing -------------------------------------------------------------------------------------
# A service starts about twice as fast from its extracted jar with a class data sharing archive recorded in a
# training run (Spring Boot's CDS set-up): made once for each build of its jar, in $RUN_DIR/cds/<service>.

cds_dir() { # jar
  echo "$RUN_DIR/cds/$(basename "$1" "-$VERSION-exec.jar")"
}

# Whether the jar's archive was recorded for this build of it.
cds_current() { # jar
  [[ -f $(cds_dir "$1")/app.jsa && ! $1 -nt $(cds_dir "$1")/app.jsa ]]
}

# Extracts the jar and records its archive; on failure the plain jar is used.
prepare_cds() { # jar
  local dir
  dir=$(cds_dir "$1")
  rm -rf "$dir"
  mkdir -p "$dir"
  if ! "$JAVA" -Djarmode=tools -jar "$1" extract --destination "$dir/app" >"$dir/extract.log" 2>&1 ||
    ! "$JAVA" -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh -jar "$dir/app/$(basename "$1")" \
      --server.port=0 --spring.kafka.bootstrap-servers=127.0.0.1:1 --spring.kafka.admin.auto-create=false \
      --spring.kafka.listener.auto-startup=false </dev/null >"$dir/training.log" 2>&1 ||
    [[ ! -f $dir/app.jsa ]]; then
    say "Class data sharing archive of $1 not made (see $dir), starting the plain jar." >&2
    rm -rf "$dir"
  fi
}

prepare_class_data_sharing() {
  [[ $CDS == true ]] || return 0
  cds_current "$CONSUMER_JAR" && cds_current "$PRODUCER_JAR" && return 0
  local started consumer=
  started=$(now_ms)
  say "Recording class data sharing archives for faster starts (once per build)..."
  if ! cds_current "$CONSUMER_JAR"; then
    prepare_cds "$CONSUMER_JAR" &
    consumer=$!
  fi
  cds_current "$PRODUCER_JAR" || prepare_cds "$PRODUCER_JAR"
  [[ -z $consumer ]] || wait "$consumer" || true
  say "Recorded in $(seconds_since "$started")."
}

start_service() { # jar, port
  local dir launch=("-jar" "$1")
  dir=$(cds_dir "$1")
  if [[ $CDS == true && -f $dir/app.jsa ]]; then
    launch=("-XX:SharedArchiveFile=$dir/app.jsa" "-jar" "$dir/app/$(basename "$1")")
  fi
  "$JAVA" "${launch[@]}" --server.port="$2" --server.address="$BIND_ADDRESS" \
    --spring.kafka.bootstrap-servers="$BOOTSTRAP_SERVERS" \
    </dev/null >"$RUN_DIR/$(basename "$1" "-$VERSION-exec.jar").log" 2>&1 &
}

is_ready() { # port
  curl -s --max-time 2 "http://$SERVICE_HOST:$1/actuator/health/readiness" 2>/dev/null |
    grep -q '"status"[[:space:]]*:[[:space:]]*"UP"'
}

await_services() {
  local deadline=$((SECONDS + READY_TIMEOUT))
  until is_ready "$CONSUMER_PORT" && is_ready "$PRODUCER_PORT"; do
    fail_if_dead "$CONSUMER_PID" ride-consumer-service
    fail_if_dead "$PRODUCER_PID" ride-producer-service
    if ((SECONDS >= deadline)); then
      die "The services were not ready within $READY_TIMEOUT s; see $RUN_DIR/ride-consumer-service.log and $RUN_DIR/ride-producer-service.log."
    fi
    sleep 0.5
  done
}

# --- Replay and statistics ----------------------------------------------------------------------------------

json_number() { # json, field: the first number value of that field, or nothing
  printf '%s' "$1" | tr -d '\n' | grep -oE "\"$2\"[[:space:]]*:[[:space:]]*[0-9]+" | sed -n '1s/.*[^0-9]//p' || true
}

# The rides the consumer counts before this run's replay: none when Kafka starts empty; with KEEP_KAFKA_DATA, the
# totals it restored from earlier runs, once they stay put.
rides_counted_before() {
  if [[ $KEEP_KAFKA_DATA != true ]]; then
    COUNTED_BEFORE=0
    return
  fi
  local deadline=$((SECONDS + 60)) total previous= same=0
  while :; do
    total=$(stats_total)
    if [[ -n $total && $total == "$previous" ]]; then
      same=$((same + 1))
      ((same >= 2)) && break
    else
      same=0
    fi
    previous=$total
    ((SECONDS < deadline)) || die "The consumer's count of earlier rides did not settle within 60 s (last: ${total:-none}); see $RUN_DIR/ride-consumer-service.log."
    sleep 1
  done
  COUNTED_BEFORE=$total
  say "The consumer counted $COUNTED_BEFORE rides from earlier runs (KEEP_KAFKA_DATA=true)."
}

stats_total() {
  json_number "$(curl -s --max-time 5 -H 'Accept: application/json' "http://$SERVICE_HOST:$CONSUMER_PORT/stats" || true)" totalRides
}

replay() {
  say ""
  say "Replaying the bundled rides.csv: POST http://$SERVICE_HOST:$PRODUCER_PORT/rides/replay?wait=true"
  local response status job
  # X-Requested-By: the producer refuses to start a replay without it (or a CSV body), as a cross-site form could.
  response=$(curl -s --max-time 600 -w '\n%{http_code}' -X POST -H 'X-Requested-By: run-local' \
    "http://$SERVICE_HOST:$PRODUCER_PORT/rides/replay?wait=true") ||
    die "The replay request failed; see $RUN_DIR/ride-producer-service.log."
  status=${response##*$'\n'}
  job=${response%$'\n'*}
  if command -v jq >/dev/null && printf '%s' "$job" | jq . >/dev/null 2>&1; then
    printf '%s' "$job" | jq .
  else
    say "$job"
  fi
  [[ $status == 2* ]] || die "The replay was refused (HTTP $status)."
  PUBLISHED=$(json_number "$job" published)
  [[ -n $PUBLISHED ]] || die "The replay job has no 'published' count."
}

await_statistics() {
  local deadline=$((SECONDS + 60)) total= expected=$((COUNTED_BEFORE + PUBLISHED))
  while :; do
    total=$(stats_total)
    [[ $total == "$expected" ]] && break
    ((SECONDS < deadline)) || die "The consumer counted ${total:-no} rides after 60 s, expected $expected ($COUNTED_BEFORE from earlier runs and $PUBLISHED published now); see $RUN_DIR/ride-consumer-service.log."
    sleep 0.5
  done
  say ""
  say "Statistics (GET http://$SERVICE_HOST:$CONSUMER_PORT/stats, Accept: text/plain):"
  say ""
  curl -s --max-time 10 -H 'Accept: text/plain' "http://$SERVICE_HOST:$CONSUMER_PORT/stats"
}

serve() {
  say "Serving; press Ctrl-C to stop."
  while :; do
    if ((KAFKA_NODES == 1)); then
      fail_if_dead "$KAFKA_PID" kafka
    else
      fail_if_dead "$KAFKA_PID" kafka-101 # the controller: without it the brokers cannot go on
      watch_brokers
    fi
    fail_if_dead "$CONSUMER_PID" ride-consumer-service
    fail_if_dead "$PRODUCER_PID" ride-producer-service
    # In the background, so that Ctrl-C and SIGTERM are handled at once.
    sleep 1 &
    wait $! || true
  done
}

main() {
  check_tools
  check_ports
  build_if_needed
  mkdir -p "$RUN_DIR" "$DATA_DIR"
  prepare_class_data_sharing

  local started
  started=$(now_ms)
  if ((KAFKA_NODES == 1)); then
    say "Starting Kafka on 127.0.0.1:$KAFKA_PORT (log: $RUN_DIR/kafka.log)..."
  else
    say "Starting a Kafka cluster: $KAFKA_NODES brokers from 127.0.0.1:$KAFKA_PORT and a controller on port $KAFKA_CONTROLLER_PORT (logs: $RUN_DIR/kafka-*.log)..."
  fi
  start_kafka
  say "Starting ride-consumer-service on port $CONSUMER_PORT and ride-producer-service on port $PRODUCER_PORT..."
  start_service "$CONSUMER_JAR" "$CONSUMER_PORT"
  CONSUMER_PID=$!
  RIDESTREAM_REPLAY_DATA_DIR=$DATA_DIR start_service "$PRODUCER_JAR" "$PRODUCER_PORT"
  PRODUCER_PID=$!
  await_services
  say "Ready in $(seconds_since "$started") (Kafka, consumer and producer)."

  rides_counted_before
  replay
  await_statistics

  say ""
  say "Producer:  http://$SERVICE_HOST:$PRODUCER_PORT/ (replay page; API: POST a CSV, or nothing, to /rides/replay)"
  say "Consumer:  http://$SERVICE_HOST:$CONSUMER_PORT/stats (live dashboard; windows: /stats/windows)"
  say "Data:      $DATA_DIR/ (ride files to replay by name: GET /rides/files)"
  say "Kafka:     $BOOTSTRAP_SERVERS"
  say "Logs:      $RUN_DIR/"
  say ""

  if [[ $RUN_ONCE == true ]]; then
    say "RUN_ONCE: done."
    exit 0
  fi
  serve
}

main
