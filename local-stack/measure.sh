#!/usr/bin/env bash
# Measures the local stack from scratch: the seconds from start until all four services are ready, and the
# resident memory of the launcher, the Kafka broker and the four services. Stops the stack and cleans up after.
#   local-stack/measure.sh        (the services must be built: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."

readonly READY_TIMEOUT_S=240
readonly STOP_TIMEOUT_S=60
readonly PORTS=(8081 8082 8083 8084)

for module in intake-service routing-service notification-service feedback-service local-stack; do
  [[ -f "$module/target/$module.jar" ]] || { echo "Build first: ./mvnw -DskipTests package ($module.jar is missing)" >&2; exit 1; }
done
for port in "${PORTS[@]}"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "Something already listens on port $port: stop it first" >&2
    exit 1
  fi
done

work=$(mktemp -d)
started_ms=$(date +%s%3N)
# With job control, the background launcher gets a process group of its own and, unlike a script's plain
# background job, does not ignore SIGINT: it stops the way Ctrl-C stops it.
set -m
./tandem-local --data "$work/data" >"$work/launcher.out" 2>&1 &
launcher=$!
set +m

# Descendants of the launcher, itself included, as "pid rss-kB args".
processes() {
  ps -e -o pid=,ppid=,rss=,args= | awk -v root="$launcher" '
    { parent[$1] = $2; line[$1] = $0 }
    END {
      for (pid in parent) {
        for (p = pid; p != "" && p != 0 && p != 1; p = parent[p]) {
          if (p == root) { $0 = line[pid]; $2 = ""; print; break }
        }
      }
    }'
}

stop() {
  if kill -0 "$launcher" 2>/dev/null; then
    kill -INT "$launcher"
    for ((i = 0; i < STOP_TIMEOUT_S * 2; i++)); do
      kill -0 "$launcher" 2>/dev/null || break
      sleep 0.5
    done
    # whatever is still running after the launcher's own grace periods
    processes | awk '{ print $1 }' | xargs -r kill -KILL 2>/dev/null || true
  fi
  wait "$launcher" 2>/dev/null || true
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

snapshot=$(processes | sort -n)
total_kb=$(awk '{ sum += $2 } END { print sum }' <<<"$snapshot")
printf 'ready in %s s, total RSS %d MB (launcher+kafka+4 services)\n' \
  "$(awk -v ms="$ready_ms" 'BEGIN { printf "%.1f", ms / 1000 }')" $(( total_kb / 1024 ))
while read -r pid rss args; do
  case "$args" in
    *dev.tandem.local.LocalTandem*) name=launcher ;;
    *kafka.Kafka*) name=kafka ;;
    *-jar*) name=$(sed -E 's|.*-jar [^ ]*/([^/ ]+)\.jar.*|\1|' <<<"$args") ;;
    *) name=$(cut -c1-60 <<<"$args") ;;
  esac
  printf '  %-22s pid %-8s %5d MB\n' "$name" "$pid" $(( rss / 1024 ))
done <<<"$snapshot"
