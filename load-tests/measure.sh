#!/usr/bin/env bash
# One load run from scratch: starts ./tandem-local --perf on a fresh data directory, runs the Gatling submission
# simulation against it, prints the simulation's verdict and the CPU time each process used per submission
# offered, then stops the stack. Extra arguments go to ./tandem-local (e.g. --only intake).
#   load-tests/measure.sh --rate 1000 --duration 60 --warmup 180 [--only intake]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
use_jdk_21_or_newer

rate=1000 duration=60 warmup=180
stack_args=()
while (($#)); do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    *) stack_args+=("$1"); shift ;;
  esac
done

source scripts/background-stack.sh
require_free_ports 8081 8082 8083 8084 9092 27017
work=$(mktemp -d)
echo "Run directory: $work"
start_stack "$work/launcher.out" --perf --data "$work/data" ${stack_args[@]+"${stack_args[@]}"}
trap stop_stack EXIT

until grep -q "Tandem is ready" "$work/launcher.out"; do
  kill -0 "$launcher" 2>/dev/null || { tail -n 30 "$work/launcher.out" >&2; exit 1; }
  sleep 1
done

cpu_ticks() { while read -r pid _ name; do echo "$name $(awk '{ print $14 + $15 }' "/proc/$pid/stat")"; done; }

stack_processes >"$work/pids"
cpu_ticks <"$work/pids" | sort >"$work/cpu.before"
# the connections open to the front door, every 5 s: a generator that keeps opening them is measuring itself
if command -v ss >/dev/null; then
  while sleep 5; do ss -Htn state established '( sport = :8081 )' | wc -l; done >"$work/connections" &
  sampler=$!
fi
set +e
./mvnw -B -o -Pload -pl load-tests gatling:test -Drate="$rate" -Dduration="$duration" -Dwarmup="$warmup" \
  >"$work/gatling.out" 2>&1 &
gatling=$!
# the measured phase starts once the warm-up is over: CPU from then on leaves out the JIT's work of the warm-up
until grep -q "Simulation .* started" "$work/gatling.out" 2>/dev/null || ! kill -0 "$gatling" 2>/dev/null; do
  sleep 1
done
sleep "$warmup"
cpu_ticks <"$work/pids" | sort >"$work/cpu.measured"
wait "$gatling"
set -e
[[ -n "${sampler:-}" ]] && kill "$sampler"
cpu_ticks <"$work/pids" | sort >"$work/cpu.after"
generator_ticks=$(awk '{ print $16 + $17 }' /proc/$$/stat)

offered=$(awk -v r="$rate" -v d="$duration" -v w="$warmup" 'BEGIN { print r * (d + w) }')
ticks_per_second=$(getconf CLK_TCK)
echo
grep -E "^[a-z ()-]+: .*actual" "$work/gatling.out" || tail -n 20 "$work/gatling.out"
echo
echo "CPU per submission, ms: in the measured phase (the product's cost once warm), and over the whole run"
echo "  (warm-up and its compilation included, per submission offered):"
join "$work/cpu.before" "$work/cpu.measured" | join - "$work/cpu.after" |
  awk -v n="$offered" -v m="$((rate * duration))" -v hz="$ticks_per_second" \
    '{ printf "  %-22s %.3f   %.3f\n", $1, ($4 - $3) * 1000 / hz / m, ($4 - $2) * 1000 / hz / n }'
awk -v t="$generator_ticks" -v n="$offered" -v hz="$ticks_per_second" \
  'BEGIN { printf "  %-22s %.3f\n", "load generator (Maven + Gatling)", t * 1000 / hz / n }'
[[ -s "$work/connections" ]] && echo "Connections to the front door: at most $(sort -n "$work/connections" | tail -n 1)"
echo "Gatling's report: $(grep -oE 'file://[^ ]+index.html' "$work/gatling.out" | tail -n 1)"
