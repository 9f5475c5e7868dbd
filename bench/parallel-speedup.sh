#!/usr/bin/env bash
# Measures what braid adds to a plan's run time, and the speedup it gets from running tasks in
# parallel, through the real CLI on the embedded Temporal dev server.
#
# Usage: bench/parallel-speedup.sh [TASKS] [SECONDS] [PARALLELISM...]
#   TASKS        independent tasks in the plan (default 8)
#   SECONDS      how long the scripted agent works on each task (default 2)
#   PARALLELISM  values of --max-parallel to try (default: 1 2 4 8)
#
# Every task's agent sleeps SECONDS, writes one file, and exits 0; the check is `true`. So the
# ideal wall-clock at parallelism P is ceil(TASKS/P) * SECONDS, and anything above it is braid:
# Temporal round trips, worktree creation, git commits and pushes, the merge, the status writes.
# Prints one Markdown table row per parallelism: wall-clock (from the run's own workflow
# timestamps), the ideal, the overhead per wave of tasks, and the speedup over parallelism 1.
set -euo pipefail

tasks="${1:-8}"
seconds="${2:-2}"
shift $(( $# > 2 ? 2 : $# ))
levels=("$@")
[ ${#levels[@]} -gt 0 ] || levels=(1 2 4 8)

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d -t braid-bench-XXXXXX)"
trap 'for r in "$work"/run-*; do [ -d "$r" ] && "$home/braid" server stop --repo "$r" >/dev/null 2>&1 || true; done; rm -rf "$work"' EXIT

make_repo() {
  local repo="$1"
  mkdir -p "$repo/.parallel/plans/tasks"
  git -C "$repo" init -q -b main
  git -C "$repo" config user.name bench
  git -C "$repo" config user.email bench@braid.invalid
  printf '__pycache__/\n' > "$repo/.gitignore"
  cat > "$repo/braid.yaml" <<YAML
agent:
  tiers:
    - {name: fast, command: [$home/agents/scripted-agent], attempts: 1, timeout: 5m}
checks: [[true]]
maxParallel: 1
merge: {mode: direct, target: main}
YAML
  {
    echo "metadata: {name: bench}"
    echo "tasks:"
    for i in $(seq 1 "$tasks"); do
      echo "  - {id: t$i, name: Task $i, file: tasks/t$i.md, priority: medium, dependencies: []}"
    done
  } > "$repo/.parallel/plans/plan.yaml"
  for i in $(seq 1 "$tasks"); do
    cat > "$repo/.parallel/plans/tasks/t$i.md" <<MD
---
id: t$i
priority: medium
status: pending
dependencies: []
---

# Task $i

\`\`\`json scripted-agent
{"sleepSeconds": $seconds, "files": {"out/t$i.txt": "task $i\n"}}
\`\`\`
MD
  done
  git -C "$repo" add -A
  git -C "$repo" commit -q -m "bench plan"
}

echo "| tasks | agent seconds | --max-parallel | wall-clock (s) | ideal (s) | braid overhead per wave (s) | speedup vs 1 |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
base=""
for p in "${levels[@]}"; do
  repo="$work/run-$p"
  make_repo "$repo"
  json="$("$home/braid" execute --repo "$repo" --max-parallel "$p" --json)"
  read -r status wall < <(python3 -c '
import json, sys
run = json.load(sys.stdin)
print(run["status"], (run["finishedAtMillis"] - run["startedAtMillis"]) / 1000)
' <<<"$json")
  if [ "$status" != "done" ]; then
    echo "run at --max-parallel $p ended $status" >&2
    exit 1
  fi
  [ -n "$base" ] || base="$wall"
  python3 -c '
import math, sys
tasks, seconds, p, wall, base = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
ideal = math.ceil(tasks / p) * seconds
waves = math.ceil(tasks / p)
print(f"| {tasks} | {seconds:g} | {p} | {wall:.1f} | {ideal:.1f} | {(wall - ideal) / waves:.2f} | {base / wall:.2f}x |")
' "$tasks" "$seconds" "$p" "$wall" "$base"
  "$home/braid" server stop --repo "$repo" >/dev/null
done
