#!/usr/bin/env bash
# The Kafka baseline: how many records a producer gets into the local broker on this machine, with Kafka's own
# benchmark (ProducerPerformance) and our settings: acks=all, idempotence, records the size of a RequestSubmitted
# event, keyed by request id and with our CloudEvents headers. Sends to a topic of its own, deleted afterwards.
#   load-tests/kafka-baseline.sh [--records N] [--throughput N|-1] [--bootstrap host:port]
# Needs a running broker (./tandem-local).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/java-home.sh
use_jdk_21_or_newer

records=1000000
throughput=-1
bootstrap=127.0.0.1:9092
readonly topic=tandem.load.baseline
readonly partitions=3   # as the broker gives every topic of ours
while (($#)); do
  case "$1" in
    --records) records=$2; shift 2 ;;
    --throughput) throughput=$2; shift 2 ;;
    --bootstrap) bootstrap=$2; shift 2 ;;
    *) echo "Unknown option: $1" >&2; exit 2 ;;
  esac
done

if ! timeout 3 bash -c "exec 3<>/dev/tcp/${bootstrap%:*}/${bootstrap##*:}" 2>/dev/null; then
  echo "No Kafka broker answers on $bootstrap: start the system first (./tandem-local)" >&2
  exit 1
fi

work=load-tests/target/baseline
mkdir -p "$work"
echo "Building the load-tests classpath..."
./mvnw -B -q -Pload -pl load-tests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$work/classpath.txt"
classpath="load-tests/target/test-classes:$(cat "$work/classpath.txt")"
run() { "$JAVA_HOME/bin/java" -Xmx512m -cp "$classpath" "$@"; }

run dev.tandem.load.BaselinePayloads "$work/request-submitted.jsonl" 2000
run org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --create --if-not-exists \
  --topic "$topic" --partitions "$partitions" --replication-factor 1
trap 'run org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --delete --topic "$topic" || true' EXIT

echo "Load: $(uptime)"
run org.apache.kafka.tools.ProducerPerformance --topic "$topic" --num-records "$records" \
  --throughput "$throughput" --payload-file "$work/request-submitted.jsonl" \
  --producer-props bootstrap.servers="$bootstrap" acks=all enable.idempotence=true \
  interceptor.classes=dev.tandem.load.RequestKeyInterceptor
echo "Load: $(uptime)"
