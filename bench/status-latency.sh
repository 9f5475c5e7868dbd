#!/usr/bin/env bash
# Measures how long `braid status` takes, JVM start included, side by side with Temporal's own
# `temporal workflow describe` of the same run, in the same loop, so both see the same machine load.
#
# Usage: bench/status-latency.sh [RUNS]
#   RUNS  samples of each command, interleaved (default 7)
#
# A fresh repository runs a two-task plan to its end on the embedded dev server; then each round
# times, one after the other: braid status (embedded server), braid status --address (the same
# server named as a cluster: the probe of address and namespace included), braid list, braid status
# with class-data sharing off (BRAID_NO_CDS=1), and temporal workflow describe. Prints the load
# before and after (uptime), then one Markdown row per command: median, min and max in seconds, and
# the median's ratio to describe's median.
set -euo pipefail

runs="${1:-7}"
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
braid="$home/braid"
temporal="${BRAID_TEMPORAL_CLI:-$home/.tools/temporal/bin/temporal}"
work="$(mktemp -d -t braid-status-bench-XXXXXX)"
repo="$work/repo"
trap '"$braid" server stop --repo "$repo" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

mkdir -p "$repo/.parallel/plans/tasks"
git -C "$repo" init -q -b main
git -C "$repo" config user.name bench
git -C "$repo" config user.email bench@braid.invalid
cat > "$repo/braid.yaml" <<YAML
agent:
  tiers:
    - {name: fast, command: [$home/agents/scripted-agent], attempts: 1, timeout: 5m}
merge: {mode: none}
YAML
printf 'metadata: {name: status bench}\ntasks:\n  - {id: a, file: tasks/a.md}\n  - {id: b, file: tasks/b.md, dependencies: [a]}\n' \
  > "$repo/.parallel/plans/plan.yaml"
for id in a b; do
  printf -- '---\nid: %s\nstatus: pending\n---\n\n# Task %s\n\n```json scripted-agent\n{"files": {"out/%s.txt": "%s\\n"}}\n```\n' \
    "$id" "$id" "$id" "$id" > "$repo/.parallel/plans/tasks/$id.md"
done
git -C "$repo" add -A
git -C "$repo" commit -q -m "bench plan"

run_id="$(cd "$repo" && "$braid" execute --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["runId"])')"
port="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["port"])' "$repo/.parallel/temporal/server.json")"
address="127.0.0.1:$port"

# One untimed round: the first read writes the class-data archive (see the launcher).
(cd "$repo" && "$braid" status >/dev/null && "$braid" list >/dev/null)
"$temporal" workflow describe --address "$address" -w "$run_id" >/dev/null

seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo "scale=3; ($end - $start) / 1000000000" | bc
}

declare -A samples
names=("braid status" "braid status --address" "braid list" "braid status, no CDS" "temporal workflow describe")
echo "load before: $(uptime)"
for _ in $(seq 1 "$runs"); do
  samples["braid status"]+="$(cd "$repo" && seconds "$braid" status) "
  samples["braid status --address"]+="$(cd "$repo" && seconds "$braid" status --address "$address") "
  samples["braid list"]+="$(cd "$repo" && seconds "$braid" list) "
  samples["braid status, no CDS"]+="$(cd "$repo" && BRAID_NO_CDS=1 seconds "$braid" status) "
  samples["temporal workflow describe"]+="$(seconds "$temporal" workflow describe --address "$address" -w "$run_id") "
done
echo "load after:  $(uptime)"
echo
echo "| command | median (s) | min (s) | max (s) | median / describe's |"
echo "| --- | ---: | ---: | ---: | ---: |"
for name in "${names[@]}"; do
  python3 - "$name" "${samples[$name]}" "${samples[temporal workflow describe]}" <<'PY'
import statistics, sys
name, mine, base = sys.argv[1], [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
m, b = statistics.median(mine), statistics.median(base)
print(f"| `{name}` | {m:.2f} | {min(mine):.2f} | {max(mine):.2f} | {m / b:.1f}x |")
PY
done
