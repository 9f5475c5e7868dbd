#!/usr/bin/env bash
# How close braid's merge queue comes to the lower bound of any design, through the real CLI on the
# embedded dev server (issue 12, scenario 1).
#
# Usage: bench/merge-queue.sh [-r RUNS] [-a AGENT_SECONDS] [-c STEPS] [-k DIR] [--scaling | CONFIG...]
#   CONFIG      NxC: N independent tasks, checks of C seconds (default: 8x2)
#   --scaling   every CONFIG of N in {8, 32, 128} and C in {0, 2, 10}; or name the ones to run,
#               e.g. `8x0 8x10 32x2` (128x10 takes about an hour per run)
#   -r RUNS     runs per CONFIG (default 3); -a AGENT_SECONDS the agent's work (default 3)
#   -c STEPS    merge.parallelChecks, the merge steps checked at once (default 2; 1: one at a time)
#   -k DIR      keeps every run's folder (run.json, histories/; not the repositories) under DIR, for bench/phases.py
#
# Each task's agent is the scripted agent, told to sleep A seconds and write one file; the only
# check is [[sleep, "C"]]; maxParallel is N; merge mode direct, so every task goes through the merge
# queue (its checks on the merged result), then the final verification runs the checks once more
# and main fast-forwards to the result and is pushed to a bare origin. The makespan is the run's own
# wall-clock (workflow time, from `braid execute --json`).
#
# Lower bound, computed in the same run: any design needs one agent's work, the checks in its task,
# the checks on the merged result, and the final verification, one after another:
#   bound = A + C + C + C + floor
# where floor is what starting those four processes costs on this machine at this moment, measured
# just before each run: one start of the scripted agent with nothing to sleep (python3's start and
# its file write) plus three starts of `sleep 0`. It leaves out everything a design could overlap or
# avoid (git, Temporal, worktrees), so no design can beat it; it is a bound, not a target.
# Prints a Markdown table: makespan, bound and their ratio, medians of RUNS with (min to max).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs=3
agent_s=3
keep=""
configs=()
while [ $# -gt 0 ]; do
  case "$1" in
    -r) runs="$2"; shift 2 ;;
    -a) agent_s="$2"; shift 2 ;;
    -k) keep="$2"; shift 2 ;;
    -c) export BENCH_CHECKS_AT_ONCE="$2"; shift 2 ;;
    --scaling) configs+=(8x0 8x2 8x10 32x0 32x2 32x10 128x0 128x2 128x10); shift ;;
    *x*) configs+=("$1"); shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#configs[@]} -gt 0 ] || configs=(8x2)

work="$(mktemp -d -t braid-mq-XXXXXX)"
trap 'for d in "$work"/*/; do [ -d "$d/repo" ] && bench_stop "$d"; done; bench_keep "$work" "$keep"; rm -rf "$work"' EXIT
[ -z "$keep" ] || mkdir -p "$keep"
bench_prepare

# The floor of starting the four processes, in seconds: one scripted agent with no sleep, three
# `sleep 0`; the median of five tries.
floor() {
  local dir="$1/floor" tries=() s e
  mkdir -p "$dir"
  printf '# floor\n\n```json scripted-agent\n{"files": {"out/f.txt": "f\\n"}}\n```\n' > "$dir/t.md"
  for _ in 1 2 3 4 5; do
    s=$(date +%s%N)
    (cd "$dir" && BRAID_TASK_FILE="$dir/t.md" "$home/agents/scripted-agent" >/dev/null)
    sleep 0; sleep 0; sleep 0
    e=$(date +%s%N)
    tries+=("$(( e - s ))")
  done
  python3 -c 'import statistics, sys; print(statistics.median(int(x) for x in sys.argv[1:]) / 1e9)' "${tries[@]}"
}

echo "| tasks N | agent A (s) | checks C (s) | makespan (s) | lower bound (s) | of which process floor (s) | makespan / bound (x) | load (1 min) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for config in "${configs[@]}"; do
  n="${config%x*}"
  c="${config#*x}"
  walls=() bounds=() floors=() ratios=() loads=()
  for i in $(seq 1 "$runs"); do
    dir="$work/mq-$n-$c-$i"
    mkdir -p "$dir"
    bench_repo "$dir" "$n" "[[sleep, \"$c\"]]" "$n" \
      "{\"sleepSeconds\": $agent_s, \"files\": {\"out/t%s.txt\": \"task %s\\n\"}}"
    loads+=("$(bench_load)")
    f="$(floor "$dir")"
    bench_execute "$dir"
    wall="$(bench_wall "$dir")"
    [ -z "$keep" ] || bench_histories "$dir"
    bench_stop "$dir"
    bound="$(python3 -c "print($agent_s + 3 * $c + $f)")"
    walls+=("$wall") bounds+=("$bound") floors+=("$f")
    ratios+=("$(python3 -c "print($wall / $bound)")")
    echo "  $config run $i: makespan $wall s, bound $bound s (floor $f s), load ${loads[-1]}" >&2
  done
  echo "| $n | $agent_s | $c | $(bench_stats "${walls[@]}") | $(bench_stats "${bounds[@]}") |" \
    "$(bench_stats "${floors[@]}") | $(bench_stats "${ratios[@]}") | $(bench_stats "${loads[@]}") |"
done
