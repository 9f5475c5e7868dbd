# Helpers shared by bench/merge-queue.sh, bench/per-task.sh and bench/big-plan.sh. Sourced, not run.
#
# Every run gets a fresh repository (with a bare origin) and its own embedded Temporal dev server
# on free ports and its own SQLite file under the repository's .parallel/temporal/, started by the
# real `braid` launcher and stopped by `braid server stop --repo` at the end: no other server on
# the machine is touched.

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
temporal_cli="${BRAID_TEMPORAL_CLI:-$home/.tools/temporal/bin/temporal}"
unset TEMPORAL_ADDRESS

# Builds the jar and installs the Temporal CLI once, before anything is timed.
bench_prepare() {
  "$home/braid" --version >/dev/null
  [ -x "$temporal_cli" ] || "$home/deploy/scripts/install-temporal.sh" >&2
  export BRAID_SKIP_BUILD=1
}

# bench_repo DIR TASKS CHECK_YAML MAX_PARALLEL AGENT_JSON_OF_I
#   Creates DIR/repo (plan of TASKS independent tasks t1..tN) and DIR/origin.git. AGENT_JSON_OF_I is
#   a printf format with one %s, the task number, giving the scripted agent's JSON.
# bench_git REPO ORIGIN
#   A bare ORIGIN and an empty main checkout REPO with the bench's identity and a plan folder.
bench_git() {
  local repo="$1" origin="$2"
  mkdir -p "$repo/.parallel/plans/tasks"
  git init -q --bare -b main "$origin"
  git -C "$repo" init -q -b main
  git -C "$repo" config user.name bench
  git -C "$repo" config user.email bench@braid.invalid
  git -C "$repo" config commit.gpgsign false
  printf '__pycache__/\n' > "$repo/.gitignore"
}

bench_repo() {
  local dir="$1" tasks="$2" checks="$3" parallel="$4" agent="$5"
  local repo="$dir/repo" origin="$dir/origin.git"
  bench_git "$repo" "$origin"
  cat > "$repo/braid.yaml" <<YAML
agent:
  tiers:
    - {name: fast, command: [$home/agents/scripted-agent], attempts: 1, timeout: 30m}
checks: $checks
maxParallel: $parallel
merge: {mode: direct, target: main, parallelChecks: ${BENCH_CHECKS_AT_ONCE:-2}}
YAML
  python3 - "$repo/.parallel/plans" "$tasks" "$agent" <<'PY'
import pathlib, sys
plans, tasks, agent = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
lines = ["metadata: {name: bench}", "tasks:"]
for i in range(1, tasks + 1):
    lines.append(f"  - {{id: t{i}, name: Task {i}, file: tasks/t{i}.md, priority: medium, dependencies: []}}")
    (plans / "tasks" / f"t{i}.md").write_text(
        f"---\nid: t{i}\npriority: medium\nstatus: pending\ndependencies: []\n---\n\n# Task {i}\n\n"
        f"```json scripted-agent\n{agent.replace('%s', str(i))}\n```\n")
(plans / "plan.yaml").write_text("\n".join(lines) + "\n")
PY
  git -C "$repo" add -A
  git -C "$repo" commit -q -m "bench plan"
  git -C "$repo" remote add origin "$origin"
  git -C "$repo" push -q -u origin main
}

# bench_execute DIR [ENV...]: runs `braid execute --json` on DIR/repo, writes DIR/run.json and
# DIR/cli.seconds (the launcher's own wall-clock, JVM and server start included); fails unless done.
bench_execute() {
  local dir="$1"
  shift
  local start end
  start=$(date +%s%N)
  env "$@" "$home/braid" execute --repo "$dir/repo" --json > "$dir/run.json" 2> "$dir/cli.err" || true
  end=$(date +%s%N)
  python3 -c "print(($end - $start) / 1e9)" > "$dir/cli.seconds"
  python3 - "$dir/run.json" <<'PY'
import json, sys
try:
    run = json.load(open(sys.argv[1]))
except Exception as e:
    sys.exit(f"no JSON result in {sys.argv[1]}: {e}")
if run.get("status") != "done":
    sys.exit(f"the run ended {run.get('status')}: {json.dumps(run)[:1500]}")
PY
}

# bench_wall DIR: the run's own wall-clock in seconds (workflow time, from the JSON).
bench_wall() {
  python3 -c '
import json, sys
run = json.load(open(sys.argv[1]))
print((run["finishedAtMillis"] - run["startedAtMillis"]) / 1000)' "$1/run.json"
}

# bench_address DIR: the embedded server's gRPC address, from the server.json braid wrote.
bench_address() {
  python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
print("127.0.0.1:%d" % s["port"])' "$1/repo/.parallel/temporal/server.json"
}

# bench_histories DIR: every execution's history of the run, into DIR/histories/ (bench/phases.py).
bench_histories() {
  python3 "$home/bench/phases.py" dump --cli "$temporal_cli" --address "$(bench_address "$1")" \
    --run "$1/run.json" --out "$1/histories" >&2
}

# bench_keep WORK KEEP: copies what each run left worth reading (its --json, histories, logs) from
# WORK's run folders into KEEP, leaving out the repositories, which a big plan makes gigabytes of.
bench_keep() {
  local work="$1" keep="$2" d f
  [ -n "$keep" ] || return 0
  for d in "$work"/*/; do
    mkdir -p "$keep/$(basename "$d")"
    for f in run.json cli.seconds cli.err rss.log spawns.log histories; do
      [ ! -e "$d/$f" ] || cp -r "$d/$f" "$keep/$(basename "$d")/"
    done
  done
}

bench_stop() {
  "$home/braid" server stop --repo "$1/repo" >/dev/null 2>&1 || true
}

# bench_stats V1 V2 ...: "median (min to max)" of the values.
bench_stats() {
  python3 -c '
import statistics, sys
v = [float(x) for x in sys.argv[1:]]
print(f"{statistics.median(v):.2f} ({min(v):.2f} to {max(v):.2f})")' "$@"
}

# bench_load: the 1-minute load average, to print beside the figures.
bench_load() {
  cut -d" " -f1 /proc/loadavg
}
