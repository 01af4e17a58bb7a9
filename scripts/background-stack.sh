# Sourced by the measuring scripts: runs ./tandem-local in the background, lists its processes, stops it.
# Needs the repository's root as the current directory.

readonly STACK_STOP_TIMEOUT_S=60

# Fails when something already listens on one of the given ports on this machine.
require_free_ports() {
  local port
  for port in "$@"; do
    if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "Something already listens on port $port: stop it first" >&2
      exit 1
    fi
  done
}

# Starts ./tandem-local with the given arguments, its output in the given file; sets $launcher. With job control
# the launcher gets a process group of its own and, unlike a script's plain background job, does not ignore SIGINT:
# it stops the way Ctrl-C stops it.
start_stack() {
  local output=$1
  shift
  set -m
  ./tandem-local "$@" >"$output" 2>&1 &
  launcher=$!
  set +m
}

# The launcher and its descendants, as "pid rss-kB name" (launcher, kafka or the service's name).
stack_processes() {
  ps -e -o pid=,ppid=,rss=,args= | awk -v root="$launcher" '
    { parent[$1] = $2; line[$1] = $0 }
    END {
      for (pid in parent) {
        for (p = pid; p != "" && p != 0 && p != 1; p = parent[p]) {
          if (p == root) { $0 = line[pid]; $2 = ""; print; break }
        }
      }
    }' |
    while read -r pid rss args; do
      case "$args" in
        *dev.tandem.local.LocalTandem*) name=launcher ;;
        *kafka.Kafka*) name=kafka ;;
        *-jar*) name=$(sed -E 's|.*-jar [^ ]*/([^/ ]+)\.jar.*|\1|' <<<"$args") ;;
        *) name=$(cut -c1-60 <<<"$args" | tr ' ' '_') ;;
      esac
      echo "$pid $rss $name"
    done
}

# Stops the stack as Ctrl-C does; kills whatever is left after the launcher's own grace periods.
stop_stack() {
  if kill -0 "$launcher" 2>/dev/null; then
    kill -INT "$launcher"
    for ((i = 0; i < STACK_STOP_TIMEOUT_S * 2; i++)); do
      kill -0 "$launcher" 2>/dev/null || break
      sleep 0.5
    done
    stack_processes | awk '{ print $1 }' | xargs -r kill -KILL 2>/dev/null || true
  fi
  wait "$launcher" 2>/dev/null || true
}
