#!/usr/bin/env bash
# CPU seconds one braid run costs, split between the worker JVM, the processes it starts (git,
# agents, checks, kill) and the embedded dev server, through the real CLI (docs/PROFILE.md, "CPU").
#
# Usage: bench/cpu.sh [TASKS] [MAX_PARALLEL]     (default 20 tasks, maxParallel 4)
#
# The plan is bench/per-task.sh's: independent tasks whose scripted agent writes one file, checks
# [[true]]. /usr/bin/time gives the CPU of the worker JVM and of every process it waited for; the
# JVM's own share is read from /proc/<pid>/stat while it runs (utime + stime), the dev server's at
# the end. Prints one line; run it several times and alternate the code under comparison.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

tasks="${1:-20}"
parallel="${2:-4}"
dir="$(mktemp -d -t braid-cpu-XXXXXX)"
trap 'bench_stop "$dir"; rm -rf "$dir"' EXIT
bench_prepare
bench_repo "$dir" "$tasks" "[[true]]" "$parallel" '{"files": {"out/t%s.txt": "task %s\n"}}' >/dev/null
/usr/bin/time -o "$dir/time" -f "%U %S" "$home/braid" execute --repo "$dir/repo" --json \
  > "$dir/run.json" 2>/dev/null &
timer=$!
jvm=""
while [ -z "$jvm" ] && kill -0 "$timer" 2>/dev/null; do
  jvm="$(pgrep -P "$timer" || true)"
  sleep 0.1
done
ticks=0
while [ -n "$jvm" ] && kill -0 "$jvm" 2>/dev/null; do
  t="$(awk '{print $14 + $15}' "/proc/$jvm/stat" 2>/dev/null || true)"
  [ -z "$t" ] || ticks="$t"
  sleep 0.2
done
wait "$timer" || true
hz="$(getconf CLK_TCK)"
server="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' \
  "$dir/repo/.parallel/temporal/server.json")"
server_ticks="$(awk '{print $14 + $15}' "/proc/$server/stat")"
read -r user sys < "$dir/time"
python3 - "$tasks" "$(bench_wall "$dir")" "$user" "$sys" "$ticks" "$server_ticks" "$hz" "$(bench_load)" <<'PY'
import sys
tasks, wall, user, sys_, jvm, server, hz, load = sys.argv[1:]
total, jvm, server = float(user) + float(sys_), int(float(jvm)) / int(hz), int(float(server)) / int(hz)
print(f"tasks {tasks} | wall {float(wall):.1f} s | worker JVM {jvm:.1f} CPU s | its processes "
      f"{total - jvm:.1f} | dev server {server:.1f} | per task {(total + server) / int(tasks):.2f} "
      f"CPU s | load {load}")
PY
