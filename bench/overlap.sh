#!/usr/bin/env bash
# Whether predicting overlaps helps (issue 16, item 4): the same plan of tasks that declare the same
# files, run with `--overlap serialize` and with `--overlap ignore`, through the real CLI on the
# embedded dev server, beside a floor run of the same plan without the shared files.
#
# Usage: bench/overlap.sh [-r RUNS] [-a AGENT_SECONDS] [-g GROUPS] [-s GROUP_SIZE] [-i INDEPENDENT] [-k DIR]
#   -r RUNS          rounds of the three runs (default 2)
#   -a SECONDS       every agent's work, the resolver's included (default 3)
#   -g GROUPS        groups of tasks that edit one shared file (default 3)
#   -s GROUP_SIZE    tasks per group (default 3)
#   -i INDEPENDENT   tasks that share nothing (default 3)
#   -k DIR           keeps every run's folder (run.json, cli.err, histories/; not the repositories)
#
# The plan: GROUPS x GROUP_SIZE + INDEPENDENT tasks, no dependencies, maxParallel = all of them. In
# group k every task rewrites g<k>.txt (a file already on main) with its own line, and writes its own
# out/t<n>.txt; its task file declares both under `## 📁 Files to Touch` (`**Modify:**` g<k>.txt,
# `**Create:**` out/t<n>.txt). An independent task writes and declares only its out/t<n>.txt. Every
# agent is the scripted agent, told to sleep A seconds; the resolver (agent.resolver) is the same
# agent, so a conflict round costs one more agent's work, as it would with a real model: it rewrites
# the task's files over the conflict and sleeps A seconds too. Checks: [[true]]; merge mode direct.
#
# Each round runs three fresh repositories (each with a bare origin and its own dev server), one
# after another, so the three see the same load:
#   floor      the same plan with no shared files (each group task writes only its out/t<n>.txt):
#              nothing to serialize, nothing to conflict, everything in parallel; what braid does
#              with this plan if the tasks did not overlap.
#   serialize  `--overlap serialize`: in each group the tasks wait for one another's merge (soft
#              edges), so a group is a chain of GROUP_SIZE agents, and nothing conflicts.
#   ignore     `--overlap ignore`: everything runs at once; the merge queue meets the conflicts and
#              the resolver gets each one.
# Per run it reports: the conflicts met at merge time (occurrences of "resolver" in
# the tasks' `tiers`: each is one conflict the merge queue sent back), the tasks that met at least
# one, agent attempts in all (the tasks' `attempts` summed, the resolver's included), the tasks
# that completed, the wall-clock (workflow time, from the JSON) and its ratio to the floor run
# of the same round (and ignore's to serialize's), and the final state: every task's out/t<n>.txt on origin's main, each g<k>.txt
# holding one of its group's lines, no conflict markers anywhere, origin's main equal to the repo's.
# Prints one line per run on stderr as it goes, then a Markdown table: counts per run, times as
# medians of RUNS with (min to max).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs=2
agent_s=3
groups=3
size=3
independent=3
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    -r) runs="$2"; shift 2 ;;
    -a) agent_s="$2"; shift 2 ;;
    -g) groups="$2"; shift 2 ;;
    -s) size="$2"; shift 2 ;;
    -i) independent="$2"; shift 2 ;;
    -k) keep="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
tasks=$(( groups * size + independent ))

work="$(mktemp -d -t braid-overlap-XXXXXX)"
trap 'for d in "$work"/*/; do [ -d "$d/repo" ] && bench_stop "$d"; done; bench_keep "$work" "$keep"; rm -rf "$work"' EXIT
[ -z "$keep" ] || mkdir -p "$keep"
bench_prepare

# overlap_repo DIR SHARED: DIR/repo and DIR/origin.git with the plan above; SHARED is 1 for the
# plan whose group tasks share g<k>.txt, 0 for the floor's.
overlap_repo() {
  local dir="$1" shared="$2"
  local repo="$dir/repo" origin="$dir/origin.git"
  bench_git "$repo" "$origin"
  cat > "$repo/braid.yaml" <<YAML
agent:
  tiers:
    - {name: fast, command: [$home/agents/scripted-agent], attempts: 1, timeout: 30m}
  resolver: {name: resolver, command: [$home/agents/scripted-agent], attempts: 1, timeout: 30m}
checks: [[true]]
maxParallel: $tasks
merge: {mode: direct, target: main}
YAML
  python3 - "$repo" "$groups" "$size" "$independent" "$agent_s" "$shared" <<'PY'
import json, pathlib, sys
repo = pathlib.Path(sys.argv[1])
groups, size, independent, agent_s, shared = (int(x) for x in sys.argv[2:])
plans = repo / ".parallel" / "plans"
lines = ["metadata: {name: overlap bench}", "tasks:"]
n = 0
def task(n, group):
    files = {f"out/t{n}.txt": f"task {n}\n"}
    modify = []
    if group is not None:
        (repo / f"g{group}.txt").write_text(f"g{group}\n")
        if shared:
            files[f"g{group}.txt"] = f"g{group} by t{n}\n"
            modify.append(f"g{group}.txt")
    touch = "## 📁 Files to Touch\n\n"
    if modify:
        touch += "**Modify:**\n" + "".join(f"- `{p}`\n" for p in modify) + "\n"
    touch += f"**Create:**\n- `out/t{n}.txt`\n"
    script = json.dumps({"sleepSeconds": agent_s, "files": files})
    kind = f"group {group}" if group is not None else "independent"
    (plans / "tasks" / f"t{n}.md").write_text(
        f"---\nid: t{n}\npriority: medium\nstatus: pending\ndependencies: []\n---\n\n"
        f"# Task {n} ({kind})\n\n{touch}\n```json scripted-agent\n{script}\n```\n")
    lines.append(f"  - {{id: t{n}, name: Task {n}, file: tasks/t{n}.md, priority: medium, dependencies: []}}")
for g in range(1, groups + 1):
    for _ in range(size):
        n += 1
        task(n, g)
for _ in range(independent):
    n += 1
    task(n, None)
(plans / "plan.yaml").write_text("\n".join(lines) + "\n")
PY
  git -C "$repo" add -A
  git -C "$repo" commit -q -m "overlap bench plan"
  git -C "$repo" remote add origin "$origin"
  git -C "$repo" push -q -u origin main
}

# overlap_measure DIR SHARED: one line of JSON with the run's figures and its final state.
overlap_measure() {
  python3 - "$1" "$2" "$groups" "$size" "$independent" <<'PY'
import json, subprocess, sys
d, shared, groups, size, independent = sys.argv[1], int(sys.argv[2]), *(int(x) for x in sys.argv[3:])
run = json.load(open(f"{d}/run.json"))
tasks = run["tasks"]
origin = f"{d}/origin.git"
def show(path):
    r = subprocess.run(["git", "-C", origin, "show", f"main:{path}"], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None
problems = []
n = 0
for g in range(1, groups + 1):
    members = []
    for _ in range(size):
        n += 1
        members.append(n)
    text = show(f"g{g}.txt")
    allowed = {f"g{g} by t{m}\n" for m in members} if shared else {f"g{g}\n"}
    if text not in allowed:
        problems.append(f"g{g}.txt is {text!r}")
for m in range(1, n + independent + 1):
    if show(f"out/t{m}.txt") != f"task {m}\n":
        problems.append(f"out/t{m}.txt missing or wrong")
grep = subprocess.run(["git", "-C", origin, "grep", "-l", "-e", "^<<<<<<<", "-e", "^>>>>>>>", "main"],
                      capture_output=True, text=True)
if grep.stdout.strip():
    problems.append("conflict markers in " + " ".join(grep.stdout.split()))
head = lambda g: subprocess.run(["git", "-C", g, "rev-parse", "main"], capture_output=True, text=True).stdout.strip()
if head(origin) != head(f"{d}/repo"):
    problems.append("origin's main differs from the repo's")
print(json.dumps({
    "wall": (run["finishedAtMillis"] - run["startedAtMillis"]) / 1000,
    "resolver": sum(t.get("tiers", []).count("resolver") for t in tasks),
    "conflicted": sum(1 for t in tasks if "resolver" in t.get("tiers", [])),
    "attempts": sum(t.get("attempts", 0) for t in tasks),
    "done": sum(1 for t in tasks if t.get("status") == "completed"),
    "tasks": len(tasks),
    "final": "ok" if not problems else "; ".join(problems),
}))
PY
}

# overlap_execute DIR POLICY: `braid execute --json --overlap POLICY` on DIR/repo, as bench_execute.
overlap_execute() {
  local dir="$1" policy="$2" start end
  start=$(date +%s%N)
  "$home/braid" execute --repo "$dir/repo" --overlap "$policy" --json > "$dir/run.json" 2> "$dir/cli.err" || true
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

modes=(floor serialize ignore)
results="$work/results.jsonl"
for i in $(seq 1 "$runs"); do
  for mode in "${modes[@]}"; do
    dir="$work/$mode-$i"
    mkdir -p "$dir"
    shared=1 policy="$mode"
    [ "$mode" != floor ] || { shared=0; policy=serialize; }
    overlap_repo "$dir" "$shared"
    load="$(bench_load)"
    overlap_execute "$dir" "$policy"
    [ -z "$keep" ] || bench_histories "$dir"
    bench_stop "$dir"
    line="$(overlap_measure "$dir" "$shared")"
    python3 -c 'import json, sys; r = json.loads(sys.argv[1]); r.update(mode=sys.argv[2], run=int(sys.argv[3]), load=float(sys.argv[4])); print(json.dumps(r))' \
      "$line" "$mode" "$i" "$load" >> "$results"
    echo "  run $i $mode: $line, load $load" >&2
  done
done

python3 - "$results" "$tasks" "$agent_s" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
tasks, agent_s = sys.argv[2], sys.argv[3]
floor = {r["run"]: r["wall"] for r in rows if r["mode"] == "floor"}
serialized = {r["run"]: r["wall"] for r in rows if r["mode"] == "serialize"}
for r in rows:
    r["ratio"] = r["wall"] / floor[r["run"]]
    r["vs"] = r["wall"] / serialized[r["run"]]
def stats(v, unit=""):
    if len(v) == 1:
        return f"{v[0]:.2f}{unit}"
    return f"{statistics.median(v):.2f}{unit} ({min(v):.2f} to {max(v):.2f})"
def each(v):
    return ", ".join(str(x) for x in v)
print(f"{tasks} tasks, agents of {agent_s} s, {len(floor)} runs: counts per run, times as median (min to max)")
print()
print("| overlap | conflicts met at merge (resolver runs) | tasks that met one | agent attempts | tasks done | final state | wall-clock (s) | wall / floor | wall / serialize | load (1 min) |")
print("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |")
for mode in ("floor", "serialize", "ignore"):
    m = [r for r in rows if r["mode"] == mode]
    finals = sorted({r["final"] for r in m})
    name = "floor (no shared files)" if mode == "floor" else mode
    print(f"| {name} | {each(r['resolver'] for r in m)} | {each(r['conflicted'] for r in m)} "
          f"| {each(r['attempts'] for r in m)} | {each(str(r['done']) + '/' + str(r['tasks']) for r in m)} "
          f"| {'; '.join(finals)} | {stats([r['wall'] for r in m])} | {stats([r['ratio'] for r in m], 'x')} "
          f"| {stats([r['vs'] for r in m], 'x')} "
          f"| {stats([r['load'] for r in m])} |")
PY
