#!/usr/bin/env bash
# A big plan of no-op tasks on the real embedded dev server (issue 12, point 3): does it complete,
# how long does it take, how much memory does the worker hold, and how large do the histories grow.
#
# Usage: bench/big-plan.sh [-p MAX_PARALLEL] [-w file] [-k DIR] [TASKS...]
#   TASKS   plan sizes, one run each (default 1000)
#   -p      maxParallel (default 8)
#   -w file the agent writes one file per task (default: the agent is `true` and changes nothing,
#           so every queue step finds its branch merged already and runs no checks)
#   -k DIR  keeps each run's folder (run.json, histories/, rss.log; not the repositories) under DIR
#
# No checks. The worker is the `braid execute` process itself (the launcher execs the JVM, so its
# pid is the worker's): its VmRSS is sampled every second from /proc/<pid>/status, and VmHWM (the
# kernel's peak resident set) is read at each sample; the dev server's VmHWM likewise. Its heap is
# the JVM's default (a quarter of the machine's memory), so the resident figure says what the JVM
# took, not the least it needs. After the run every execution's history (each ExecuteWorkflow of the
# continue-as-new chain and each TaskWorkflow) is read with the pinned Temporal CLI: events and
# bytes as `temporal workflow describe` counts them (historyLength, historySizeBytes), against the
# 4,096 events and 4 MB at which Temporal suggests continuing as new.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parallel=8
agent=noop
keep=""
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    -p) parallel="$2"; shift 2 ;;
    -w) agent="$2"; shift 2 ;;
    -k) keep="$2"; shift 2 ;;
    [0-9]*) sizes+=("$1"); shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000)

work="$(mktemp -d -t braid-big-XXXXXX)"
trap 'for d in "$work"/*/; do [ -d "$d/repo" ] && bench_stop "$d"; done; bench_keep "$work" "$keep"; rm -rf "$work"' EXIT
[ -z "$keep" ] || mkdir -p "$keep"
bench_prepare

# hwm PID: the process's peak resident set in MiB, or nothing once it is gone.
hwm() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || true; }
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || true; }

echo "| tasks | maxParallel | agent | status | wall-clock (s) | worker peak RSS (MiB) | dev server peak RSS (MiB) | ExecuteWorkflow executions | largest ExecuteWorkflow: events, bytes | largest TaskWorkflow: events, bytes | load (1 min) at start, end |"
echo "| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
for tasks in "${sizes[@]}"; do
  dir="$work/big-$tasks"
  mkdir -p "$dir"
  if [ "$agent" = file ]; then
    bench_repo "$dir" "$tasks" "[]" "$parallel" '{"files": {"out/t%s.txt": "task %s\n"}}'
  else
    bench_repo "$dir" "$tasks" "[]" "$parallel" '{}'
    sed -i "s|command: \[$home/agents/scripted-agent\]|command: [true]|" "$dir/repo/braid.yaml"
    git -C "$dir/repo" commit -q -am "no-op agent"
  fi
  load0="$(bench_load)"
  start=$(date +%s%N)
  "$home/braid" execute --repo "$dir/repo" --json > "$dir/run.json" 2> "$dir/cli.err" &
  worker=$!
  peak=0 server_peak=0
  while kill -0 "$worker" 2>/dev/null; do
    h="$(hwm "$worker")"
    [ -z "$h" ] || peak="$h"
    server="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' \
      "$dir/repo/.parallel/temporal/server.json" 2>/dev/null || true)"
    if [ -n "$server" ]; then
      s="$(hwm "$server")"
      [ -z "$s" ] || server_peak="$s"
    fi
    echo "$(( ($(date +%s%N) - start) / 1000000 )) $(rss "$worker") ${h:-} $(rss "${server:-0}")" >> "$dir/rss.log"
    sleep 1
  done
  wait "$worker" || true
  load1="$(bench_load)"
  status="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("status"))' "$dir/run.json" 2>/dev/null || echo "no result")"
  wall="$(bench_wall "$dir" 2>/dev/null || echo "n/a")"
  bench_histories "$dir"
  bench_stop "$dir"
  python3 - "$dir/histories/index.json" "$tasks" "$parallel" "$agent" "$status" "$wall" "$peak" \
    "$server_peak" "$load0" "$load1" <<'PY'
import json, sys
index = json.load(open(sys.argv[1]))
tasks, parallel, agent, status, wall, peak, server, l0, l1 = sys.argv[2:]
runs = [e for e in index if e["type"] == "ExecuteWorkflow"]
kids = [e for e in index if e["type"] == "TaskWorkflow"]
big = max(runs, key=lambda e: e["bytes"])
kid = max(kids, key=lambda e: e["bytes"] or 0) if kids else None
every = ", ".join(f"{e['events']} ev / {e['bytes'] / 1e6:.2f} MB" for e in runs)
print(f"| {tasks} | {parallel} | {agent} | {status} | {wall} | {peak} | {server} | {len(runs)} ({every}) | "
      f"{big['events']}, {big['bytes'] / 1e6:.2f} MB | "
      f"{kid['events'] if kid else 'n/a'}, {kid['bytes'] / 1e3 if kid else 0:.1f} kB | {l0}, {l1} |")
PY
done
