#!/usr/bin/env bash
#
# Replays a generated month of yellow rides (3.5 million, the TLC's 2023 layout) as CSV, gzip CSV and Parquet
# through the README's curl example, with the producer limited to a 512 MB heap, on one local Kafka broker (no
# Docker). Prints, per format, the file's size, the replay's rows/s and the producer's heap after each GC (the
# largest, and at the replay's end), which must stay flat whatever the file's size. Not part of the build's tests.
#
# Usage: ./replay-month.sh [--rides N] [--heap 512m]
#   --rides N   rides in the month (default 3500000)
#   --heap H    the producer's -Xmx (default 512m)
#
# Needs Java 17+ and curl. Files and logs go to benchmarks/target/month/.
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")"

RIDES=3500000
HEAP=512m
while [[ $# -gt 0 ]]; do
  case $1 in
    --rides) RIDES=${2:?--rides needs a value}; shift 2 ;;
    --heap) HEAP=${2:?--heap needs a value}; shift 2 ;;
    -h | --help) awk 'NR > 2 && !/^#/ { exit } NR > 2 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "Unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
VERSION=$(sed -n '/<artifactId>ride-stream<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' pom.xml)
KAFKA_JAR=local-kafka/target/local-kafka-$VERSION-exec.jar
PRODUCER_JAR=ride-producer-service/target/ride-producer-service-$VERSION-exec.jar
GENERATOR_JAR=ride-generator/target/ride-generator-$VERSION-exec.jar
DIR=benchmarks/target/month
KAFKA_PORT=19492
PRODUCER_PORT=18480
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

for jar in "$KAFKA_JAR" "$PRODUCER_JAR" "$GENERATOR_JAR"; do
  [[ -f $jar ]] || { echo "Building the jars..."; ./mvnw -B -q package -DskipTests; break; }
done
mkdir -p "$DIR"

for format in csv csv.gz parquet; do
  file=$DIR/yellow_tripdata_2023-01.$format
  if [[ ! -f $file ]] || [[ $(cat "$file.rides" 2>/dev/null) != "$RIDES" ]]; then
    echo "Generating $RIDES rides as $format..."
    "$JAVA" -jar "$GENERATOR_JAR" --dataset yellow --layout 2023 --rides "$RIDES" --output "$file" 2>/dev/null
    echo "$RIDES" >"$file.rides"
  fi
done

rm -rf "$DIR/kafka-data"
"$JAVA" -jar "$KAFKA_JAR" --port "$KAFKA_PORT" --data-dir "$DIR/kafka-data" </dev/null >"$DIR/kafka.log" 2>&1 &
PIDS+=($!)
until grep -q '^Kafka broker ready' "$DIR/kafka.log"; do sleep 0.2; done

"$JAVA" -Xmx"$HEAP" -Xlog:gc:file="$DIR/producer-gc.log" -jar "$PRODUCER_JAR" --server.port="$PRODUCER_PORT" \
  --spring.kafka.bootstrap-servers="127.0.0.1:$KAFKA_PORT" --ridestream.replay.upload-dir="$DIR" \
  </dev/null >"$DIR/producer.log" 2>&1 &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$PRODUCER_PORT/actuator/health/readiness" >/dev/null; do sleep 0.5; done

# The heap after each GC, in MB, from the unified GC log: "Pause Young (Normal) (G1 Evacuation Pause) 120M->20M(512M)".
heap_after_gc() {
  sed -n 's/.*[0-9]M->\([0-9]*\)M([0-9]*M).*/\1/p' "$DIR/producer-gc.log"
}

printf '| format | file | rides | seconds | rides/s | largest heap after GC | heap after GC at the end |\n'
printf '|---|---|---|---|---|---|---|\n'
for format in csv csv.gz parquet; do
  file=$DIR/yellow_tripdata_2023-01.$format
  before=$(heap_after_gc | wc -l)
  started=$(date +%s.%N)
  answer=$(curl -s -X POST -H 'Content-Type: application/octet-stream' --data-binary @"$file" \
    "http://127.0.0.1:$PRODUCER_PORT/rides/replay?wait=true")
  finished=$(date +%s.%N)
  published=$(sed -n 's/.*"published":\([0-9]*\).*/\1/p' <<<"$answer")
  state=$(sed -n 's/.*"state":"\([A-Z]*\)".*/\1/p' <<<"$answer")
  [[ $state == COMPLETED ]] || { echo "The $format replay ended $state: $answer" >&2; exit 1; }
  seconds=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f", b - a }')
  largest=$(heap_after_gc | tail -n +"$((before + 1))" | sort -n | tail -1)
  last=$(heap_after_gc | tail -1)
  printf '| %s | %s MB | %s | %s | %s | %s MB | %s MB |\n' "$format" "$(($(stat -c %s "$file") / 1000000))" \
    "$published" "$seconds" "$(awk -v n="$published" -v s="$seconds" 'BEGIN { printf "%d", n / s }')" \
    "${largest:-?}" "${last:-?}"
done
echo "Producer -Xmx$HEAP; seconds include the upload of the file (spooled to disk) and the wait for the last commit."
