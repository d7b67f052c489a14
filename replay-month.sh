#!/usr/bin/env bash
#
# Replays a generated month of yellow rides (3.5 million, the TLC's 2023 layout) as CSV, gzip CSV and Parquet
# through the README's curl example, with the producer limited to a 512 MB heap, on one local Kafka broker (no
# Docker), and has ride-consumer-service (default JVM options) count them. Prints, per format, the file's size, the
# replay's rows/s and the producer's heap after each GC (the largest, and at the replay's end), which must stay flat
# whatever the file's size; then, polling the consumer's GET /stats every 100 ms once the replay has answered, the
# time from the replay's request to the last of its rides counted, the counting lag after the replay's end, the
# consumer's heap after each GC and each service's peak RSS (VmHWM: since the service started, so over every format
# replayed so far). Checks the count is exact: the consumer's totalRides and totalAmount must equal the rides
# replayed so far and their sum of total_amount, computed apart with Python's decimal module from the CSV (the
# generator writes the same rows in each format); stops with an error if not. Not part of the build's tests.
#
# Usage: ./replay-month.sh [--rides N] [--heap 512m] [--formats csv,csv.gz,parquet]
#   --rides N          rides in the month (default 3500000)
#   --heap H           the producer's -Xmx (default 512m)
#   --formats LIST     the formats to replay, in this order, comma-separated: csv, csv.gz, parquet (default
#                      csv,csv.gz,parquet); the CSV is generated in any case, as the reference for the sums
#
# Needs Java 17+, curl and python3. Files and logs go to benchmarks/target/month/.
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")"

RIDES=3500000
HEAP=512m
FORMATS=csv,csv.gz,parquet
while [[ $# -gt 0 ]]; do
  case $1 in
    --rides) RIDES=${2:?--rides needs a value}; shift 2 ;;
    --heap) HEAP=${2:?--heap needs a value}; shift 2 ;;
    --formats) FORMATS=${2:?--formats needs a value}; shift 2 ;;
    -h | --help) awk 'NR > 2 && !/^#/ { exit } NR > 2 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "Unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
IFS=, read -r -a REPLAYED_FORMATS <<<"$FORMATS"
[[ ${#REPLAYED_FORMATS[@]} -gt 0 ]] || { echo "--formats needs at least one format (see --help)" >&2; exit 2; }
for format in "${REPLAYED_FORMATS[@]}"; do
  case $format in
    csv | csv.gz | parquet) ;;
    *) echo "Unknown format in --formats: '$format' (csv, csv.gz or parquet)" >&2; exit 2 ;;
  esac
done

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
VERSION=$(sed -n '/<artifactId>ride-stream<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' pom.xml)
KAFKA_JAR=local-kafka/target/local-kafka-$VERSION-exec.jar
PRODUCER_JAR=ride-producer-service/target/ride-producer-service-$VERSION-exec.jar
CONSUMER_JAR=ride-consumer-service/target/ride-consumer-service-$VERSION-exec.jar
GENERATOR_JAR=ride-generator/target/ride-generator-$VERSION-exec.jar
DIR=benchmarks/target/month
KAFKA_PORT=19492
PRODUCER_PORT=18480
CONSUMER_PORT=18481
PIDS=()

cleanup() {
  # The services first (newest first), so that they stop while their broker is still there.
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null || true
    wait "${PIDS[i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT

for jar in "$KAFKA_JAR" "$PRODUCER_JAR" "$CONSUMER_JAR" "$GENERATOR_JAR"; do
  [[ -f $jar ]] || { echo "Building the jars..."; ./mvnw -B -q package -DskipTests; break; }
done
mkdir -p "$DIR"

CSV=$DIR/yellow_tripdata_2023-01.csv
for format in csv "${REPLAYED_FORMATS[@]}"; do
  file=$DIR/yellow_tripdata_2023-01.$format
  if [[ ! -f $file ]] || [[ $(cat "$file.rides" 2>/dev/null) != "$RIDES" ]]; then
    echo "Generating $RIDES rides as $format..."
    rm -f "$file.rides" "$file.total_amount"
    "$JAVA" -jar "$GENERATOR_JAR" --dataset yellow --layout 2023 --rides "$RIDES" --output "$file" 2>/dev/null
    echo "$RIDES" >"$file.rides"
  fi
done

# The rows of the CSV and the exact sum of their total_amount, "3500000 98765432.10", cached next to it.
if [[ ! -f $CSV.total_amount ]]; then
  echo "Summing total_amount over the CSV..."
  python3 - "$CSV" >"$CSV.total_amount.tmp" <<'PYTHON'
import csv, sys
from decimal import Decimal

with open(sys.argv[1], newline='') as rows:
    reader = csv.reader(rows)
    column = next(reader).index('total_amount')
    count, total = 0, Decimal(0)
    for row in reader:
        count += 1
        if row[column]:
            total += Decimal(row[column])
print(count, total)
PYTHON
  mv "$CSV.total_amount.tmp" "$CSV.total_amount"
fi
read -r CSV_ROWS CSV_TOTAL_AMOUNT <"$CSV.total_amount"
[[ $CSV_ROWS == "$RIDES" ]] || { echo "$CSV has $CSV_ROWS rows, expected $RIDES" >&2; exit 1; }

# Fails unless the /stats JSON on standard input has totalRides and totalAmount equal to the arguments.
check_totals() { # rides, amount
  python3 -c '
import json, sys
from decimal import Decimal
stats = json.load(sys.stdin)
rides, amount = int(sys.argv[1]), Decimal(sys.argv[2])
if stats["totalRides"] != rides or Decimal(stats["totalAmount"]) != amount:
    sys.exit("The consumer counted %s rides, total_amount %s; expected %d rides, total_amount %s"
             % (stats["totalRides"], stats["totalAmount"], rides, amount))
' "$1" "$2"
}

fail_if_dead() { # pid, name, log
  kill -0 "$1" 2>/dev/null || { echo "$2 has exited; see $3" >&2; exit 1; }
}

wait_ready() { # port, pid, name, log
  until curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null; do
    fail_if_dead "$2" "$3" "$4"
    sleep 0.5
  done
}

rm -rf "$DIR/kafka-data"
"$JAVA" -jar "$KAFKA_JAR" --port "$KAFKA_PORT" --data-dir "$DIR/kafka-data" </dev/null >"$DIR/kafka.log" 2>&1 &
KAFKA_PID=$!
PIDS+=("$KAFKA_PID")
until grep -q '^Kafka broker ready' "$DIR/kafka.log"; do fail_if_dead "$KAFKA_PID" "The broker" "$DIR/kafka.log"; sleep 0.2; done

"$JAVA" -Xmx"$HEAP" -Xlog:gc:file="$DIR/producer-gc.log" -jar "$PRODUCER_JAR" --server.port="$PRODUCER_PORT" \
  --spring.kafka.bootstrap-servers="127.0.0.1:$KAFKA_PORT" --ridestream.replay.upload-dir="$DIR" \
  </dev/null >"$DIR/producer.log" 2>&1 &
PRODUCER_PID=$!
PIDS+=("$PRODUCER_PID")
# The producer creates the rides topic, which the consumer waits for; so the consumer starts once it is ready.
wait_ready "$PRODUCER_PORT" "$PRODUCER_PID" ride-producer-service "$DIR/producer.log"

# Default JVM options; the GC log only records the heap after each GC.
"$JAVA" -Xlog:gc:file="$DIR/consumer-gc.log" -jar "$CONSUMER_JAR" --server.port="$CONSUMER_PORT" \
  --spring.kafka.bootstrap-servers="127.0.0.1:$KAFKA_PORT" </dev/null >"$DIR/consumer.log" 2>&1 &
CONSUMER_PID=$!
PIDS+=("$CONSUMER_PID")
wait_ready "$CONSUMER_PORT" "$CONSUMER_PID" ride-consumer-service "$DIR/consumer.log"

# The heap after each GC, in MB, from a unified GC log: "Pause Young (Normal) (G1 Evacuation Pause) 120M->20M(512M)".
heap_after_gc() { # gc log
  sed -n 's/.*[0-9]M->\([0-9]*\)M([0-9]*M).*/\1/p' "$1"
}

# A process's peak resident set size since it started (VmHWM), in MiB.
peak_rss() { # pid
  awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"
}

stats_json() {
  curl -s --max-time 5 -H 'Accept: application/json' "http://127.0.0.1:$CONSUMER_PORT/stats" || true
}

printf '| format | file | rides | seconds | rides/s | largest heap after GC | heap after GC at the end '
printf '| replayed and counted in | counting lag | consumer: largest heap after GC | consumer: heap after GC at the end '
printf '| producer peak RSS | consumer peak RSS | broker peak RSS |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
replayed=0
replays=0
for format in "${REPLAYED_FORMATS[@]}"; do
  file=$DIR/yellow_tripdata_2023-01.$format
  before=$(heap_after_gc "$DIR/producer-gc.log" | wc -l)
  consumer_before=$(heap_after_gc "$DIR/consumer-gc.log" | wc -l)
  started=$(date +%s.%N)
  answer=$(curl -s -X POST -H 'Content-Type: application/octet-stream' --data-binary @"$file" \
    "http://127.0.0.1:$PRODUCER_PORT/rides/replay?wait=true")
  finished=$(date +%s.%N)
  published=$(sed -n 's/.*"published":\([0-9]*\).*/\1/p' <<<"$answer")
  state=$(sed -n 's/.*"state":"\([A-Z]*\)".*/\1/p' <<<"$answer")
  [[ $state == COMPLETED ]] || { echo "The $format replay ended $state: $answer" >&2; exit 1; }
  [[ $published == "$RIDES" ]] || { echo "The $format replay published $published of $RIDES rides: $answer" >&2; exit 1; }
  replayed=$((replayed + published))
  replays=$((replays + 1))
  expected_amount=$(python3 -c 'import sys; from decimal import Decimal; print(Decimal(sys.argv[1]) * int(sys.argv[2]))' \
    "$CSV_TOTAL_AMOUNT" "$replays")

  # Every ride replayed so far counted: the first /stats to show them all, polled every 100 ms.
  total=
  last_change=$SECONDS
  while :; do
    stats=$(stats_json)
    now=$(date +%s.%N)
    previous=$total
    total=$(sed -n 's/.*"totalRides":\([0-9]*\).*/\1/p' <<<"$stats")
    [[ -n $total ]] && ((total >= replayed)) && break
    [[ $total == "$previous" ]] || last_change=$SECONDS
    ((SECONDS - last_change < 60)) || {
      echo "The consumer's count stayed at ${total:-nothing} for 60 s, expected $replayed; see $DIR/consumer.log" >&2
      exit 1
    }
    fail_if_dead "$CONSUMER_PID" ride-consumer-service "$DIR/consumer.log"
    sleep 0.1
  done
  check_totals "$replayed" "$expected_amount" <<<"$stats"
  # Nothing counted twice after a commit or two more.
  sleep 1
  check_totals "$replayed" "$expected_amount" <<<"$(stats_json)"

  seconds=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f", b - a }')
  counted=$(awk -v a="$started" -v b="$now" 'BEGIN { printf "%.1f", b - a }')
  lag=$(awk -v a="$finished" -v b="$now" 'BEGIN { printf "%.1f", b - a }')
  largest=$(heap_after_gc "$DIR/producer-gc.log" | tail -n +"$((before + 1))" | sort -n | tail -1)
  last=$(heap_after_gc "$DIR/producer-gc.log" | tail -1)
  consumer_largest=$(heap_after_gc "$DIR/consumer-gc.log" | tail -n +"$((consumer_before + 1))" | sort -n | tail -1)
  consumer_last=$(heap_after_gc "$DIR/consumer-gc.log" | tail -1)
  printf '| %s | %s MB | %s | %s | %s | %s MB | %s MB | %s s | %s s | %s MB | %s MB | %s MiB | %s MiB | %s MiB |\n' \
    "$format" "$(($(stat -c %s "$file") / 1000000))" "$published" "$seconds" \
    "$(awk -v n="$published" -v s="$seconds" 'BEGIN { printf "%d", n / s }')" "${largest:-?}" "${last:-?}" \
    "$counted" "$lag" "${consumer_largest:-?}" "${consumer_last:-?}" \
    "$(peak_rss "$PRODUCER_PID")" "$(peak_rss "$CONSUMER_PID")" "$(peak_rss "$KAFKA_PID")"
done
echo "Producer -Xmx$HEAP; seconds include the upload of the file (spooled to disk) and the wait for the last commit."
echo "Consumer with default JVM options. Replayed and counted: from the replay's request to the first GET /stats"
echo "(polled every 100 ms once the replay answered) showing every ride replayed so far; counting lag: from the"
echo "replay's answer to that GET. Peak RSS is VmHWM, since each process started, so over the formats replayed so far."
echo "Counts exact: $replayed rides, total_amount $expected_amount, as the consumer's totalRides and totalAmount."
