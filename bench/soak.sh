#!/usr/bin/env bash
# Soak test: runs N small plans back to back through the real CLI on the embedded dev server, and
# kills the worker (the foreground `braid execute` JVM) or the Temporal dev server with SIGKILL at
# random moments of each run; after every kill it runs `braid execute` again, as a user would.
# When a run ends it checks what must hold whatever was killed, and counts what did not.
#
# Usage: bench/soak.sh [N] [SEED]
#   N     plans to run (default 5)
#   SEED  seeds the random kills, so a run of the soak can be repeated (default 1)
#
# Each plan has three independent tasks for the scripted agent (2 to 6 s of work each, one file
# each) and a check that verifies every task's file. The tier allows ATTEMPTS attempts (default 1,
# braid's own default): a worker lost during an attempt does not use that attempt up (finding 1 of
# docs/RELIABILITY.md), so no kill may block a task; a blocked run counts as an anomaly. A run takes at
# most MAX_KILLS kills (default 2). Each `braid execute` is killed, with probability 2/3 and while
# it runs, after a random 1 to 10 s; two thirds of the kills hit the worker, one third the server.
#
# After each run: the run is `done`; every task is `completed` once in the JSON; main's
# first-parent history has one `Merge feature/<id> (braid)` per task and nothing else; every task
# file says `status: completed`; the work is on main and the check passes there; main equals
# origin/main; no orphan worktree or branch is left; no process works in the run's worktrees;
# after `braid server stop` no dev server runs on the run's database. Each violation is an anomaly, printed with the run's folder, which
# is then kept for a look.
#
# Prints one line per run (its kills, w for worker and s for server, in order; the executes it took;
# the last exit code; the attempts its three tasks used, 3 when none was lost) and a summary; exits
# 1 if there was any anomaly.
set -uo pipefail

runs="${1:-5}"
seed="${2:-1}"
MAX_KILLS="${MAX_KILLS:-2}"
ATTEMPTS="${ATTEMPTS:-1}"
RUN_LIMIT="${RUN_LIMIT:-600}"  # seconds one plan may take, kills and restarts included

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d -t braid-soak-XXXXXX)"
export BRAID_SKIP_BUILD=1
unset TEMPORAL_ADDRESS
RANDOM="$seed"

started_pids=()
cleanup() {
  for pid in "${started_pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for r in "$work"/run-*/repo; do
    [ -d "$r" ] && "$home/braid" server stop --repo "$r" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

make_repo() {
  local dir="$1" repo="$1/repo" origin="$1/origin.git"
  git init -q --bare -b main "$origin"
  mkdir -p "$repo/.parallel/plans/tasks" "$repo/out"
  git -C "$repo" init -q -b main
  git -C "$repo" config user.name soak
  git -C "$repo" config user.email soak@braid.invalid
  printf '__pycache__/\n' > "$repo/.gitignore"
  echo "work of base" > "$repo/out/base.txt"
  cat > "$dir/check.py" <<'PY'
import pathlib, sys
files = sorted(pathlib.Path("out").glob("*.txt"))
bad = [f for f in files if f.read_text() != f"work of {f.stem}\n"]
sys.exit(f"wrong work: {bad}" if bad or not files else 0)
PY
  cat > "$repo/braid.yaml" <<YAML
agent:
  tiers:
    - {name: fast, command: ["$home/agents/scripted-agent"], attempts: $ATTEMPTS, timeout: 2m, backoff: 1s}
checks: [[python3, "$dir/check.py"]]
maxParallel: 3
YAML
  {
    echo "metadata: {name: soak}"
    echo "tasks:"
    for t in a b c; do
      echo "  - {id: $t, name: Task $t, file: tasks/$t.md, priority: medium}"
    done
  } > "$repo/.parallel/plans/plan.yaml"
  for t in a b c; do
    cat > "$repo/.parallel/plans/tasks/$t.md" <<MD
---
id: $t
status: pending
---

# Task $t

\`\`\`json scripted-agent
{"sleepSeconds": $(( 2 + RANDOM % 5 )), "files": {"out/$t.txt": "work of $t\\n"}}
\`\`\`
MD
  done
  git -C "$repo" add -A
  git -C "$repo" commit -q -m "soak plan"
  git -C "$repo" remote add origin "$origin"
  git -C "$repo" push -q -u origin main
}

# Prints the anomalies of a finished run, one per line; nothing when all is well.
check_run() {
  local dir="$1" repo="$1/repo" json="$2" initial="$3"
  python3 - "$json" <<'PY'
import json, sys
try:
    run = json.load(open(sys.argv[1]))
except Exception as e:
    print(f"no JSON result: {e}"); sys.exit()
if run.get("status") != "done":
    print(f"run ended {run.get('status')}: {run.get('message')}")
ids = sorted(t["id"] for t in run.get("tasks", []))
if ids != ["a", "b", "c"]:
    print(f"tasks listed: {ids}")
for t in run.get("tasks", []):
    if t["status"] != "completed":
        print(f"task {t['id']} is {t['status']}: {t.get('reason')}")
PY
  local merges
  merges="$(git -C "$repo" log --first-parent --format=%s "$initial..main")"
  for t in a b c; do
    local n
    n="$(grep -cx "Merge feature/$t (braid)" <<<"$merges")"
    [ "$n" = 1 ] || echo "feature/$t merged $n times into main"
    grep -q '^status: completed$' "$repo/.parallel/plans/tasks/$t.md" \
      || echo "task file $t.md says $(grep '^status:' "$repo/.parallel/plans/tasks/$t.md")"
    [ "$(cat "$repo/out/$t.txt" 2>/dev/null)" = "work of $t" ] || echo "out/$t.txt is not on main"
  done
  local count
  count="$(grep -c . <<<"$merges")"
  [ "$count" = 3 ] || echo "main has $count first-parent commits since the plan, not 3"
  (cd "$repo" && python3 "$dir/check.py" >/dev/null 2>&1) || echo "the check fails on main"
  [ "$(git -C "$repo" rev-parse main)" = "$(git -C "$dir/origin.git" rev-parse main)" ] \
    || echo "origin/main is not main"
  [ ! -e "$repo/.git/MERGE_HEAD" ] || echo "main is left mid-merge"
  # No orphans: one worktree per task besides main's checkout, and no branch but main, the tasks'
  # and the run's integration branch.
  local trees branches run_id
  trees="$(git -C "$repo" worktree list --porcelain | sed -n 's/^worktree //p' | sort | tr '\n' ' ')"
  [ "$trees" = "$repo $repo/worktrees/a $repo/worktrees/b $repo/worktrees/c " ] \
    || echo "worktrees: $trees"
  ! git -C "$repo" worktree list --porcelain | grep -q '^prunable' \
    || echo "a worktree record without its folder"
  run_id="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["runId"])' "$json" 2>/dev/null)"
  branches="$(git -C "$repo" for-each-ref --format='%(refname:short)' refs/heads | sort | tr '\n' ' ')"
  [ "$branches" = "$(printf '%s\n' main feature/a feature/b feature/c "braid/$run_id" | sort | tr '\n' ' ')" ] \
    || echo "branches: $branches"
  local left=0 deadline=$(( SECONDS + 15 ))
  while :; do
    left=0
    for p in /proc/[0-9]*; do
      case "$(readlink "$p/cwd" 2>/dev/null)" in "$repo/worktrees"*) left=$(( left + 1 ));; esac
    done
    [ "$left" = 0 ] || [ "$SECONDS" -ge "$deadline" ] && break
    sleep 1
  done
  [ "$left" = 0 ] || echo "$left process(es) left in the worktrees"
}

total_kills=0 worker_kills=0 server_kills=0 executes=0 completed=0 anomalies=0 anomalous_runs=0
printf '%-4s %-8s %-10s %-6s %-7s %-9s %s\n' run seconds kills execs exit attempts anomalies
for i in $(seq 1 "$runs"); do
  dir="$work/run-$i"
  mkdir -p "$dir"
  make_repo "$dir"
  repo="$dir/repo"
  initial="$(git -C "$repo" rev-parse HEAD)"
  start=$SECONDS kills=0 kinds='' execs=0 exit_code=-1 lingering=()
  while [ $(( SECONDS - start )) -lt "$RUN_LIMIT" ]; do
    out="$dir/execute-$execs.json"
    (cd "$repo" && exec "$home/braid" execute --json >"$out" 2>"$dir/execute-$execs.err") &
    pid=$!
    started_pids+=("$pid")
    execs=$(( execs + 1 ))
    if [ "$kills" -lt "$MAX_KILLS" ] && [ $(( RANDOM % 3 )) -lt 2 ]; then
      delay_ms=$(( 1000 + RANDOM % 9000 ))
      waited=0
      while [ "$waited" -lt "$delay_ms" ] && kill -0 "$pid" 2>/dev/null; do
        sleep 0.1; waited=$(( waited + 100 ))
      done
      if kill -0 "$pid" 2>/dev/null; then
        if [ $(( RANDOM % 3 )) -lt 2 ]; then
          kill -9 "$pid"; wait "$pid" 2>/dev/null
          worker_kills=$(( worker_kills + 1 )) kinds="${kinds}w"
        else
          server="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["pid"])' \
            "$repo/.parallel/temporal/server.json" 2>/dev/null)"
          [ -n "$server" ] && kill -9 "$server" 2>/dev/null
          server_kills=$(( server_kills + 1 )) kinds="${kinds}s"
          # The CLI that lost its server may linger a while; the next one starts at once.
          lingering+=("$pid")
        fi
        kills=$(( kills + 1 ))
        continue
      fi
    fi
    remaining=$(( RUN_LIMIT - (SECONDS - start) ))
    timeout "$remaining" tail --pid="$pid" -f /dev/null
    wait "$pid"; exit_code=$?
    break
  done
  for pid in "${lingering[@]}"; do
    timeout 120 tail --pid="$pid" -f /dev/null || kill -9 "$pid" 2>/dev/null
  done
  found="$(check_run "$dir" "$out" "$initial")"
  "$home/braid" server stop --repo "$repo" >/dev/null 2>&1 || true
  # A server that braid does not know of survives `server stop`; it is ours, so it goes too.
  strays="$(pgrep -f -- "--db-filename $repo/.parallel/temporal/temporal.db" || true)"
  if [ -n "$strays" ]; then
    found="${found:+$found
}$(wc -w <<<"$strays") dev server(s) on this run's database still running after braid server stop"
    kill -9 $strays 2>/dev/null || true
  fi
  total_kills=$(( total_kills + kills )) executes=$(( executes + execs ))
  [ "$exit_code" = 0 ] && [ -z "$found" ] && completed=$(( completed + 1 ))
  n=0
  [ -n "$found" ] && n="$(wc -l <<<"$found")"
  anomalies=$(( anomalies + n ))
  [ "$n" = 0 ] || anomalous_runs=$(( anomalous_runs + 1 ))
  # Attempts over the three tasks: 3 when no attempt was lost or failed.
  attempts="$(python3 -c 'import json, sys; print(sum(t["attempts"] for t in json.load(open(sys.argv[1]))["tasks"]))' "$out" 2>/dev/null || echo '?')"
  printf '%-4s %-8s %-10s %-6s %-7s %-9s %s\n' "$i" "$(( SECONDS - start ))" "$kills${kinds:+ ($kinds)}" \
    "$execs" "$exit_code" "$attempts" "$n"
  if [ -n "$found" ]; then
    sed 's/^/     - /' <<<"$found"
    echo "     kept: $dir"
  fi
  [ -n "$found" ] || rm -rf "$dir"
done

echo
echo "runs: $runs, completed cleanly: $completed, kills: $total_kills" \
  "(worker $worker_kills, server $server_kills), executes: $executes," \
  "anomalies: $anomalies in $anomalous_runs run(s); seed $seed, attempts $ATTEMPTS"
[ "$anomalies" = 0 ]
