#!/usr/bin/env bash
# The routing decision's benchmark (JMH): 10,000 agents, 100,000 waiting requests over 50 queues with relaxation
# steps, one offer decided, made and accepted per operation. Prints throughput (operations per millisecond) and the
# distribution of one operation's time (p50, p99...). Figures: docs/performance.md#routing.
#   load-tests/routing-benchmark.sh [any JMH option, such as -p agents=1000 or -f 2]
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/java-home.sh
use_jdk_21_or_newer

work=routing-service/target/benchmark
mkdir -p "$work"
echo "Building routing-service and its test classpath..."
./mvnw -B -q -DskipTests install -pl routing-service -am
./mvnw -B -q -pl routing-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$work/classpath.txt"
classpath="routing-service/target/test-classes:routing-service/target/classes:$(cat "$work/classpath.txt")"
"$JAVA_HOME/bin/java" -cp "$classpath" org.openjdk.jmh.Main RoutingDecisionBenchmark "$@"
