#!/usr/bin/env bash
#
# Benchmarks Ride Stream against Kafka's own performance tools on one local Kafka broker (no Docker needed):
# ProducerPerformance against POST /rides/replay, ConsumerPerformance and a Kafka Streams peer (the consumer's
# statistics with exactly_once_v2, its totals checked against the service's) against ride-consumer-service, with
# the same rides and the same producer settings, each repeated and alternated. Prints a Markdown table of the
# medians (records/s, service / tool ratios, start-up time from the plain jar and with class data sharing, peak
# RSS and heap of each service) and writes it to
# benchmarks/target/benchmark-<date>.md. Not part of the build's tests.
#
# Usage: ./benchmark.sh [--rides N] [--repeats R] [--brokers B]
#   --rides N     rides per measurement (default 1000000; the generated CSV is about 91 bytes per ride)
#   --repeats R   repetitions, medians reported (default 3)
#   --brokers B   Kafka brokers (default 1); 3: a cluster, every topic with 3 replicas and min.insync.replicas 2
#
# Needs Java 17+. Takes a few minutes per run with a million rides; logs go to benchmarks/target/benchmark-logs-*.
set -euo pipefail

cd -- "$(dirname -- "${BASH_SOURCE[0]}")"

RIDES=1000000
REPEATS=3
BROKERS=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --rides) RIDES=${2:?--rides needs a value}; shift 2 ;;
    --repeats) REPEATS=${2:?--repeats needs a value}; shift 2 ;;
    --brokers) BROKERS=${2:?--brokers needs a value}; shift 2 ;;
    -h | --help) awk 'NR > 2 && !/^#/ { exit } NR > 2 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "Unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
VERSION=$(sed -n '/<artifactId>ride-stream<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;}' pom.xml)
[[ -n $VERSION ]] || { echo "benchmark: cannot read the project version from pom.xml" >&2; exit 1; }
PRODUCER_JAR=ride-producer-service/target/ride-producer-service-$VERSION-exec.jar
CONSUMER_JAR=ride-consumer-service/target/ride-consumer-service-$VERSION-exec.jar
BENCHMARK_JAR=benchmarks/target/benchmarks-$VERSION.jar

# Always from the current sources, so that the figures are those of the code you have (a minute when up to date).
echo "Building: ./mvnw -B -q install -DskipTests"
./mvnw -B -q install -DskipTests

exec "$JAVA" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$BENCHMARK_JAR:benchmarks/target/lib/*" \
  io.ridestream.benchmark.RideStreamBenchmark --rides "$RIDES" --repeats "$REPEATS" --brokers "$BROKERS" \
  --producer-jar "$PRODUCER_JAR" --consumer-jar "$CONSUMER_JAR" --output-dir benchmarks/target
