#!/usr/bin/env bash
# Measures what braid adds to each task on top of the agent's own time, for the real Claude Code
# CLI (against the FakeAnthropic stand-in of the Messages API, so no model and no network) and for
# the scripted agent, side by side, on the demo's six-task plan (`braid demo`'s template).
#
# Usage: bench/real-agent-overhead.sh [SAMPLES]     (default 3 runs of each agent)
#
# The plan is the demo's: the same six tasks, graph, files and checks. Its scripted failures
# (failTimes, badFiles, failOnTiers) and pauses (sleepSeconds) are taken out, so every task is one
# attempt of one tier with either agent, and the stand-in scripts Claude Code to write the same
# files with its Write tool, one tool call per turn. Each agent runs behind a shim on PATH that
# records when its process started and ended; braid's share of a task is the task's time in the
# run's --json (worktree, setup, the prompt, commit, checks, push, Temporal round trips) less the
# agent process's time. Prints one Markdown row per agent with the mean and range over tasks and
# samples, and the wall-clock of the run.
set -euo pipefail

samples="${1:-3}"
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d -t braid-bench-agents-XXXXXX)"
trap 'for r in "$work"/*/repo; do [ -d "$r" ] && "$home/braid" server stop --repo "$r" >/dev/null 2>&1 || true; done; rm -rf "$work"' EXIT

"$home/deploy/scripts/install-agents.sh" >&2
(cd "$home" && mvn -B -q -pl test-support -am compile) >&2
# test-support's stand-in needs Jackson; the build above resolved it into the local repository.
jackson=""
for artifact in jackson-annotations jackson-core jackson-databind; do
  jar="$(find "$HOME/.m2/repository/com/fasterxml/jackson/core/$artifact" -name "$artifact-*.jar" | sort -V | tail -n 1)"
  [ -n "$jar" ] || { echo "no $artifact jar in ~/.m2; build braid once first" >&2; exit 1; }
  jackson="$jackson:$jar"
done
classpath="$home/test-support/target/classes$jackson"
claude_bin="$home/.tools/agents/node_modules/.bin/claude"

# A shim named $1 in $2 that records "<task> <attempt> <start ms> <end ms>" in $work/$3.times.
make_shim() {
  local name="$1" dir="$2" real="$3" times="$4"
  mkdir -p "$dir"
  cat > "$dir/$name" <<SH
#!/usr/bin/env bash
start=\$(date +%s%3N)
"$real" "\$@"
rc=\$?
echo "\$BRAID_TASK_ID \$BRAID_ATTEMPT \$start \$(date +%s%3N)" >> "$times"
exit \$rc
SH
  chmod +x "$dir/$name"
}

# The demo's repository, with the failures taken out and a one-tier braid.yaml for $2.
make_repo() {
  local repo="$1" tier="$2" template="$home/starter/src/main/resources/demo"
  mkdir -p "$repo"
  grep -v '^#' "$template/manifest.txt" | while read -r from to; do
    mkdir -p "$(dirname "$repo/${to:-$from}")"
    cp "$template/$from" "$repo/${to:-$from}"
  done
  python3 - "$repo/.parallel/plans/tasks" <<'PY'
import json, pathlib, re, sys
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.md")):
    text = f.read_text()
    m = re.search(r"```json scripted-agent\n(.*?)\n```", text, re.S)
    script = json.loads(m.group(1))
    kept = {"files": script["files"]}
    f.write_text(text[: m.start(1)] + json.dumps(kept, indent=2) + text[m.end(1) :])
PY
  cat > "$repo/braid.yaml" <<YAML
agent:
  tiers:
    - $tier
checks:
  - [python3, -m, unittest, discover, -s, tests, -q]
maxParallel: 3
merge: {mode: direct, target: main}
YAML
  git -C "$repo" init -q -b main
  git -C "$repo" config user.name bench
  git -C "$repo" config user.email bench@braid.invalid
  git -C "$repo" config commit.gpgsign false
  git -C "$repo" add -A
  git -C "$repo" commit -q -m "demo plan"
}

# The stand-in's script: per task one conversation writing the task's files, then a last word.
conversations() {
  python3 - "$1/.parallel/plans/tasks" <<'PY'
import json, pathlib, re, sys
out = {}
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.md")):
    text = f.read_text()
    task = re.search(r"^id: *\"?([^\"\n]+)", text, re.M).group(1)
    files = json.loads(re.search(r"```json scripted-agent\n(.*?)\n```", text, re.S).group(1))["files"]
    turns = [[{"type": "tool_use", "name": "Write", "input": {"file_path": p, "content": c}}]
             for p, c in files.items()]
    turns.append([{"type": "text", "text": "Wrote " + ", ".join(files) + "."}])
    out[task] = [turns]
print(json.dumps(out))
PY
}

# Runs the plan in $1 with the agent named $2; prints its row's figures as JSON on one line.
run_one() {
  local dir="$1" agent="$2" repo="$1/repo" times="$1/agent.times" out="$1/run.json"
  local env=(PATH="$dir/bin:$PATH")
  if [ "$agent" = claude ]; then
    make_shim claude "$dir/bin" "$claude_bin" "$times"
    make_repo "$repo" "{name: fast, preset: claude-code, model: claude-sonnet-4-5, attempts: 1, timeout: 5m}"
    conversations "$repo" > "$dir/script.json"
    coproc API { exec java -cp "$classpath" dev.braid.testsupport.anthropic.FakeAnthropicServer "$dir/script.json"; }
    read -r url <&"${API[0]}"
    env+=(ANTHROPIC_BASE_URL="$url" ANTHROPIC_API_KEY=sk-ant-bench-not-a-secret
      CLAUDE_CONFIG_DIR="$dir/claude-config" CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1 DISABLE_AUTOUPDATER=1)
  else
    make_shim scripted "$dir/bin" "$home/agents/scripted-agent" "$times"
    make_repo "$repo" "{name: fast, command: [$dir/bin/scripted], attempts: 1, timeout: 5m}"
  fi
  env "${env[@]}" "$home/braid" execute --repo "$repo" --json > "$out" || true
  if [ "$agent" = claude ]; then
    exec {API[1]}>&-
    echo "stand-in: $(cat <&"${API[0]}")" >&2
    wait "$API_PID" || true
  fi
  "$home/braid" server stop --repo "$repo" >/dev/null 2>&1 || true
  python3 - "$out" "$times" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))
if run["status"] != "done":
    sys.exit(f"the run ended {run['status']}: {json.dumps(run)[:2000]}")
agent = {}
for line in open(sys.argv[2]):
    task, _, start, end = line.split()
    agent[task] = agent.get(task, 0) + int(end) - int(start)
rows = []
for t in run["tasks"]:
    took = t["finishedAtMillis"] - t["startedAtMillis"]
    rows.append({"task": t["id"], "attempts": t["attempts"], "task_ms": took,
                 "agent_ms": agent[t["id"]], "braid_ms": took - agent[t["id"]]})
print(json.dumps({"wall_ms": run["finishedAtMillis"] - run["startedAtMillis"], "tasks": rows}))
PY
}

echo "| agent | runs | tasks | attempts per task | agent time per task (s), mean [min-max] | braid per task (s), mean [min-max] | wall-clock (s), mean [min-max] |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for agent in scripted claude; do
  : > "$work/$agent.jsonl"
  for i in $(seq 1 "$samples"); do
    mkdir -p "$work/$agent-$i"
    run_one "$work/$agent-$i" "$agent" >> "$work/$agent.jsonl"
  done
  python3 - "$agent" "$work/$agent.jsonl" <<'PY'
import json, sys
runs = [json.loads(l) for l in open(sys.argv[2])]
tasks = [t for r in runs for t in r["tasks"]]
def fig(values):
    s = [v / 1000 for v in values]
    return f"{sum(s) / len(s):.2f} [{min(s):.2f}-{max(s):.2f}]"
attempts = {t["attempts"] for t in tasks}
print(f"| {sys.argv[1]} | {len(runs)} | {len(tasks)} | {'/'.join(map(str, sorted(attempts)))} | "
      f"{fig([t['agent_ms'] for t in tasks])} | {fig([t['braid_ms'] for t in tasks])} | "
      f"{fig([r['wall_ms'] for r in runs])} |")
PY
done
