#!/usr/bin/env bash
# Measures the local stack from scratch: the seconds from start until all four services are ready, and the
# resident memory of the launcher, the Kafka broker and the four services. Stops the stack and cleans up after.
#   local-stack/measure.sh        (the services must be built: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."

readonly READY_TIMEOUT_S=240
readonly PORTS=(8081 8082 8083 8084)

for module in intake-service routing-service notification-service feedback-service local-stack; do
  [[ -f "$module/target/$module.jar" ]] || { echo "Build first: ./mvnw -DskipTests package ($module.jar is missing)" >&2; exit 1; }
done
source scripts/background-stack.sh
require_free_ports "${PORTS[@]}"

work=$(mktemp -d)
started_ms=$(date +%s%3N)
start_stack "$work/launcher.out" --data "$work/data"

stop() {
  stop_stack
  rm -rf "$work"
}
trap stop EXIT

ready() {
  local port
  for port in "${PORTS[@]}"; do
    [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness") == 200 ]] || return 1
  done
}

until ready; do
  if ! kill -0 "$launcher" 2>/dev/null; then
    echo "The stack stopped before it was ready:" >&2
    tail -n 40 "$work/launcher.out" >&2
    exit 1
  fi
  if (( $(date +%s%3N) - started_ms > READY_TIMEOUT_S * 1000 )); then
    echo "Not ready after $READY_TIMEOUT_S s:" >&2
    tail -n 40 "$work/launcher.out" >&2
    exit 1
  fi
  sleep 0.5
done
ready_ms=$(( $(date +%s%3N) - started_ms ))

snapshot=$(stack_processes | sort -n)
total_kb=$(awk '{ sum += $2 } END { print sum }' <<<"$snapshot")
printf 'ready in %s s, total RSS %d MB (launcher+kafka+4 services)\n' \
  "$(awk -v ms="$ready_ms" 'BEGIN { printf "%.1f", ms / 1000 }')" $(( total_kb / 1024 ))
while read -r pid rss name; do
  printf '  %-22s pid %-8s %5d MB\n' "$name" "$pid" $(( rss / 1024 ))
done <<<"$snapshot"
