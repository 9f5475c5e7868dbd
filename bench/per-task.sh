#!/usr/bin/env bash
# What braid costs per task against a plain shell script doing the same git work, through the real
# CLI on the embedded dev server (issue 12, scenario 2).
#
# Usage: bench/per-task.sh [-r RUNS] [-p MAX_PARALLEL] [-s] [-k DIR] [TASKS...]
#   TASKS   plan sizes to run (default 20; the issue's scaling is `8 32 128`)
#   -r      runs of each side per size (default 3); -p maxParallel of the braid run (default 4)
#   -s      also one run per size (not timed, after the timed ones) with git and kill wrapped on
#           PATH, counting the processes the worker starts, and the per-phase breakdown of its
#           histories (bench/phases.py), printed after the table
#   -k DIR  keeps every run's folder (run.json, histories/, spawns.log; not the repositories) under DIR
#
# braid's side: TASKS independent tasks whose agent (the scripted agent) writes one file and exits,
# checks [[true]], maxParallel 4, merge mode direct, a bare origin. Its time is the run's own
# wall-clock (workflow time, from `braid execute --json`; the launcher's JVM and server start are
# printed apart as "CLI wall").
# The floor: a plain shell script doing the same git work one task after another, in a fresh
# repository with a bare origin and the same plan files: per task `worktree add -b`, write the
# file, `add` and `commit`, push the branch, `merge --no-ff` it into an integration branch (one
# worktree, made once); at the end `merge --ff-only` main to it and push main. It runs no agent and
# no checks; "floor + agents" adds one start of the scripted agent per task, measured in the same
# run, as the most a plain script would add by running the agent one task at a time.
# Prints a Markdown table: braid, floor, their ratio and braid's extra seconds per task, medians of
# RUNS with (min to max).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs=3
parallel=4
spawns=""
keep=""
sizes=()
while [ $# -gt 0 ]; do
  case "$1" in
    -r) runs="$2"; shift 2 ;;
    -p) parallel="$2"; shift 2 ;;
    -s) spawns=1; shift ;;
    -k) keep="$2"; shift 2 ;;
    [0-9]*) sizes+=("$1"); shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(20)

work="$(mktemp -d -t braid-pt-XXXXXX)"
trap 'for d in "$work"/*/; do [ -d "$d/repo" ] && bench_stop "$d"; done; bench_keep "$work" "$keep"; rm -rf "$work"' EXIT
[ -z "$keep" ] || mkdir -p "$keep"
bench_prepare
agent_json='{"files": {"out/t%s.txt": "task %s\n"}}'

# The floor's git work for TASKS tasks in DIR; prints its seconds, then the agent starts' seconds.
floor() {
  local dir="$1" tasks="$2" repo="$1/repo" s e agents=0 a b
  bench_repo "$dir" "$tasks" "[[true]]" "$parallel" "$agent_json" >/dev/null
  s=$(date +%s%N)
  git -C "$repo" worktree add -q -b braid/int "$repo/worktrees/.int" main
  for i in $(seq 1 "$tasks"); do
    git -C "$repo" worktree add -q -b "feature/t$i" "$repo/worktrees/t$i" braid/int
    mkdir -p "$repo/worktrees/t$i/out"
    printf 'task %s\n' "$i" > "$repo/worktrees/t$i/out/t$i.txt"
    git -C "$repo/worktrees/t$i" add -A
    git -C "$repo/worktrees/t$i" commit -q -m "t$i"
    git -C "$repo/worktrees/t$i" push -q origin "feature/t$i"
    git -C "$repo/worktrees/.int" merge -q --no-ff -m "Merge feature/t$i" "feature/t$i"
  done
  git -C "$repo" merge -q --ff-only braid/int
  git -C "$repo" push -q origin main
  e=$(date +%s%N)
  # The agent's own start, one task after another, in the worktrees the floor made (not timed above).
  for i in $(seq 1 "$tasks"); do
    a=$(date +%s%N)
    (cd "$repo/worktrees/t$i" && BRAID_TASK_FILE="$repo/.parallel/plans/tasks/t$i.md" \
      "$home/agents/scripted-agent" >/dev/null)
    b=$(date +%s%N)
    agents=$(( agents + b - a ))
  done
  python3 -c "print(($e - $s) / 1e9, $agents / 1e9)"
}

# Shims for git and kill that log each call as "<start ns> <end ns> <name> <cwd> <args>".
make_shims() {
  local bin="$1/bin" log="$1/spawns.log" name real
  mkdir -p "$bin"
  for name in git kill; do
    real="$(type -P "$name")"
    cat > "$bin/$name" <<SH
#!/bin/bash
s=\${EPOCHREALTIME/./}
"$real" "\$@"
rc=\$?
a="\$*"
printf '%s000 %s000 $name %s %s\n' "\$s" "\${EPOCHREALTIME/./}" "\$PWD" "\${a//\$'\\n'/ }" >> "$log"
exit \$rc
SH
    chmod +x "$bin/$name"
  done
}

echo "| tasks | braid (s) | CLI wall (s) | floor: git only (s) | braid / floor (x) | braid - floor per task (s) | floor + agents (s) | braid / (floor + agents) (x) | load (1 min) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for tasks in "${sizes[@]}"; do
  walls=() clis=() floors=() fa=() ratios=() extra=() ratios2=() loads=()
  for i in $(seq 1 "$runs"); do
    dir="$work/pt-$tasks-$i"
    mkdir -p "$dir/floor"
    loads+=("$(bench_load)")
    read -r f ag < <(floor "$dir/floor" "$tasks")
    bench_repo "$dir" "$tasks" "[[true]]" "$parallel" "$agent_json"
    bench_execute "$dir"
    wall="$(bench_wall "$dir")"
    [ -z "$keep" ] || bench_histories "$dir"
    bench_stop "$dir"
    walls+=("$wall") clis+=("$(cat "$dir/cli.seconds")") floors+=("$f")
    fa+=("$(python3 -c "print($f + $ag)")")
    ratios+=("$(python3 -c "print($wall / $f)")")
    ratios2+=("$(python3 -c "print($wall / ($f + $ag))")")
    extra+=("$(python3 -c "print(($wall - $f) / $tasks)")")
    echo "  $tasks tasks run $i: braid $wall s, floor $f s (+ agents $ag s), load ${loads[-1]}" >&2
  done
  echo "| $tasks | $(bench_stats "${walls[@]}") | $(bench_stats "${clis[@]}") | $(bench_stats "${floors[@]}") |" \
    "$(bench_stats "${ratios[@]}") | $(bench_stats "${extra[@]}") | $(bench_stats "${fa[@]}") |" \
    "$(bench_stats "${ratios2[@]}") | $(bench_stats "${loads[@]}") |"
done

if [ -n "$spawns" ]; then
  for tasks in "${sizes[@]}"; do
    dir="$work/spawns-$tasks"
    mkdir -p "$dir"
    make_shims "$dir"
    bench_repo "$dir" "$tasks" "[[true]]" "$parallel" "$agent_json"
    bench_execute "$dir" PATH="$dir/bin:$PATH"
    bench_histories "$dir"
    bench_stop "$dir"
    echo
    echo "## $tasks tasks, maxParallel $parallel, with git and kill wrapped (not timed): $(bench_wall "$dir") s"
    echo
    python3 "$home/bench/phases.py" table "$dir/histories" --spawns "$dir/spawns.log"
  done
fi
