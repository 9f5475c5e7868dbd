#!/usr/bin/env python3
"""Where a braid run's time goes, phase by phase, from its Temporal histories.

  phases.py dump --cli TEMPORAL --address HOST:PORT --run RUN.json --out DIR
      saves every execution's history (bench/histories.py) while the run's server is up
  phases.py table DIR [--agent S] [--check S] [--spawns LOG]
      prints Markdown tables: each task workflow's steps in order (median, p90 and max over the
      tasks, in ms), the run workflow's activities, the merge queue's wait and steps per task, and
      the history sizes; with --spawns, the processes the worker started per activity type

Every figure is a difference of two event times of the same history, both written by the
Temporal server. What the phases mean:
  queue X      an activity X scheduled -> started: waiting for a worker's poller
  run X        started -> completed: the activity itself (for Attempt: agent + commit + checks)
  X -> next    X completed -> the next command scheduled: one workflow task round trip
  wt queue/run a workflow task scheduled -> started -> completed
The spawn log has one line per process: "<start ns> <end ns> <name> <cwd> <args...>", written by
the PATH shims bench/per-task.sh installs for git and kill.
"""

import argparse
import collections
import re
import statistics
import sys

import histories as h


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def row(label, values_ns, extra=""):
    ms = [v / 1e6 for v in values_ns]
    return (f"| {label} | {len(ms)} | {statistics.median(ms):.0f} | {pct(ms, 0.9):.0f} | "
            f"{max(ms):.0f} | {sum(ms) / 1000:.1f} |{extra}")


HEAD = "| phase | n | median ms | p90 ms | max ms | total s |\n| --- | ---: | ---: | ---: | ---: | ---: |"


def segments(events):
    """The steps of one execution in order: (label, ns) pairs, activities numbered by occurrence."""
    out, sched, seen, last_done = [], {}, collections.Counter(), None
    start = h.ns(events[0])
    first_cmd = None
    for e in events:
        k, a, t = h.kind(e), h.attrs(e), h.ns(e)
        if k == "ACTIVITY_TASK_SCHEDULED":
            name = a["activityType"]["name"]
            seen[name] += 1
            label = name if seen[name] == 1 else f"{name}#{seen[name]}"
            sched[e["eventId"]] = (label, t)
            if last_done:
                out.append((f"{last_done[0]} -> {label}", t - last_done[1]))
            elif first_cmd is None:
                out.append((f"execution start -> {label}", t - start))
            first_cmd = first_cmd or t
        elif k == "ACTIVITY_TASK_STARTED":
            label, s = sched[a["scheduledEventId"]]
            out.append((f"queue {label}", t - s))
            sched[a["scheduledEventId"]] = (label, t)
        elif k in ("ACTIVITY_TASK_COMPLETED", "ACTIVITY_TASK_FAILED"):
            label, s = sched[a["scheduledEventId"]]
            out.append((f"run {label}", t - s))
            last_done = (label, t)
        elif k.startswith("WORKFLOW_EXECUTION_") and k != "WORKFLOW_EXECUTION_STARTED" and last_done:
            out.append((f"{last_done[0]} -> execution end", t - last_done[1]))
    return out


def wt_latency(events):
    q, r, sched, started = [], [], {}, {}
    for e in events:
        k, t = h.kind(e), h.ns(e)
        if k == "WORKFLOW_TASK_SCHEDULED":
            sched[e["eventId"]] = t
        elif k == "WORKFLOW_TASK_STARTED":
            q.append(t - sched[h.attrs(e)["scheduledEventId"]])
            started[e["eventId"]] = t
        elif k == "WORKFLOW_TASK_COMPLETED":
            r.append(t - started[h.attrs(e)["startedEventId"]])
    return q, r


def task_table(index, hist, agent_s, check_s):
    steps, order = collections.defaultdict(list), []
    life, wq, wr = [], [], []
    for entry in (e for e in index if e["type"] == "TaskWorkflow"):
        ev = hist[entry["file"]]
        life.append(h.ns(ev[-1]) - h.ns(ev[0]))
        for label, v in segments(ev):
            if label not in steps:
                order.append(label)
            steps[label].append(v)
        q, r = wt_latency(ev)
        wq += q
        wr += r
    print("### Task workflow, step by step\n")
    print(HEAD)
    for label in order:
        print(row(label, steps[label]))
    print(row("wt queue (all workflow tasks)", wq))
    print(row("wt run (all workflow tasks)", wr))
    print(row("**task workflow, start to end**", life))
    if "run Attempt" in steps and (agent_s or check_s):
        work = (agent_s + check_s) * 1e9
        print(row(f"run Attempt less agent and checks ({agent_s:g} + {check_s:g} s)",
                  [v - work for v in steps["run Attempt"]]))
        print(row("task workflow less agent and checks", [v - work for v in life]))
    print()


def run_table(index, hist, check_s):
    parents = [e for e in index if e["type"] == "ExecuteWorkflow"]
    per_type, wq, wr = collections.defaultdict(lambda: ([], [])), [], []
    initiated, child_start, child_done, child_end = {}, {}, {}, {}
    integrate, steps_of = {}, collections.Counter()
    for p in parents:
        ev = hist[p["file"]]
        sched = {}
        for e in ev:
            k, a, t = h.kind(e), h.attrs(e), h.ns(e)
            if k == "ACTIVITY_TASK_SCHEDULED":
                sched[e["eventId"]] = [a["activityType"]["name"], t, None, h.payload(a.get("input"))]
            elif k == "ACTIVITY_TASK_STARTED":
                sched[a["scheduledEventId"]][2] = t
            elif k in ("ACTIVITY_TASK_COMPLETED", "ACTIVITY_TASK_FAILED"):
                name, s, st, inp = sched[a["scheduledEventId"]]
                per_type[name][0].append(st - s)
                per_type[name][1].append(t - st)
                if name == "Integrate" and inp:
                    for b in inp.get("branches", [])[-1:]:
                        integrate[b.split("/", 1)[-1]] = (s, st, t)
                        steps_of[b] += 1
            elif k == "START_CHILD_WORKFLOW_EXECUTION_INITIATED":
                initiated[a["workflowId"]] = t
            elif k == "CHILD_WORKFLOW_EXECUTION_STARTED":
                child_start[a["workflowExecution"]["workflowId"]] = t
            elif k == "CHILD_WORKFLOW_EXECUTION_COMPLETED":
                child_done[a["workflowExecution"]["workflowId"]] = t
        q, r = wt_latency(ev)
        wq += q
        wr += r
    for entry in (e for e in index if e["type"] == "TaskWorkflow"):
        ev = hist[entry["file"]]
        child_end[entry["workflowId"]] = h.ns(ev[-1])
    print("### Run workflow: activities and workflow tasks\n")
    print(HEAD)
    for name, (q, r) in sorted(per_type.items()):
        print(row(f"queue {name}", q))
        print(row(f"run {name}", r))
        if name == "Integrate" and check_s:
            print(row(f"run {name} less the checks ({check_s:g} s)", [v - check_s * 1e9 for v in r]))
    print(row("wt queue", wq))
    print(row("wt run", wr))
    print()
    print("### Each task as the run sees it\n")
    print(HEAD)
    ids = sorted(initiated)
    print(row("child initiated -> child started", [child_start[i] - initiated[i] for i in ids if i in child_start]))
    print(row("child ended -> run sees it", [child_done[i] - child_end[i] for i in ids if i in child_done and i in child_end]))
    waits = [integrate[i.split("/")[-1]][0] - child_done[i] for i in ids if i in child_done and i.split("/")[-1] in integrate]
    if waits:
        print(row("run sees it -> its queue step scheduled (queue wait)", waits))
        print(row("its queue step, scheduled -> completed", [v[2] - v[0] for v in integrate.values()]))
    print()


def sizes(index):
    print("### History sizes\n")
    print("| workflow | executions | events, max | bytes, max | events, total |\n| --- | ---: | ---: | ---: | ---: |")
    for t in ("ExecuteWorkflow", "TaskWorkflow"):
        es = [e for e in index if e["type"] == t]
        if es:
            b = [e["bytes"] for e in es if e["bytes"] is not None]
            print(f"| {t} | {len(es)} | {max(e['events'] for e in es)} | {max(b) if b else 'n/a'} | "
                  f"{sum(e['events'] for e in es)} |")
    print()


def spawn_table(index, hist, log):
    windows = []  # (start, end, activity type, task id or "")
    for entry in index:
        task = entry["workflowId"].split("/")[-1] if entry["type"] == "TaskWorkflow" else ""
        sched, count = {}, collections.Counter()
        for e in hist[entry["file"]]:
            k, a, t = h.kind(e), h.attrs(e), h.ns(e)
            if k == "ACTIVITY_TASK_SCHEDULED":
                sched[e["eventId"]] = [a["activityType"]["name"], None]
            elif k == "ACTIVITY_TASK_STARTED":
                sched[a["scheduledEventId"]][1] = t
            elif k in ("ACTIVITY_TASK_COMPLETED", "ACTIVITY_TASK_FAILED"):
                name, st = sched[a["scheduledEventId"]]
                windows.append((st, t, name, task))
    runs = collections.Counter(w[2] for w in windows)
    per = collections.defaultdict(collections.Counter)
    ms = collections.Counter()
    for line in open(log):
        parts = line.split()
        if len(parts) < 4 or not (parts[0].isdigit() and parts[1].isdigit()):
            continue  # the rest of an argument that held a newline
        start, end, name, cwd, args = int(parts[0]), int(parts[1]), parts[2], parts[3], parts[4:]
        cands = [w for w in windows if w[0] <= start <= w[1]]
        if len(cands) > 1:
            # The task a call is for shows in its directory or arguments; the run's own calls work
            # in the integration worktree.
            text = " ".join([cwd, *args]) + " "
            mine = [w for w in cands if w[3] and re.search(
                rf"(/worktrees/|feature/){re.escape(w[3])}[/ ]", text)]
            if not mine and "/worktrees/.integration" in text:
                mine = [w for w in cands if not w[3]]
            cands = mine or cands
        types = {w[2] for w in cands}
        key = types.pop() if len(types) == 1 else ("(between activities)" if not types else "(ambiguous)")
        sub = name
        if name == "git":
            rest = [x for i, x in enumerate(args) if not (x == "-c" or (i and args[i - 1] == "-c"))]
            sub = "git " + (rest[0] if rest else "")
        per[key][sub] += 1
        ms[key] += (end - start) / 1e6
    print("### Processes started by the worker, per activity\n")
    print("| activity | activities | git per activity | kill per activity | ms in them per activity | git subcommands (count over all) |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for key in sorted(per, key=lambda k: -sum(per[k].values())):
        n = runs.get(key, 0) or 1
        git = sum(v for s, v in per[key].items() if s.startswith("git"))
        subs = ", ".join(f"{s[4:]} {v}" for s, v in per[key].most_common() if s.startswith("git"))
        print(f"| {key} | {runs.get(key, 0)} | {git / n:.1f} | {per[key]['kill'] / n:.1f} | "
              f"{ms[key] / n:.0f} | {subs} |")
    tasks = sum(1 for e in index if e["type"] == "TaskWorkflow") or 1
    git = sum(v for c in per.values() for k, v in c.items() if k.startswith("git"))
    kills = sum(c["kill"] for c in per.values())
    print(f"| **all, per task** | {tasks} tasks | {git / tasks:.1f} | {kills / tasks:.1f} | "
          f"{sum(ms.values()) / tasks:.0f} | git and kill(1) starts the shim counted |")
    print()


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--cli", required=True)
    d.add_argument("--address", required=True)
    d.add_argument("--run", required=True)
    d.add_argument("--out", required=True)
    d.add_argument("--no-child-sizes", action="store_true")
    t = sub.add_parser("table")
    t.add_argument("dir")
    t.add_argument("--agent", type=float, default=0)
    t.add_argument("--check", type=float, default=0)
    t.add_argument("--spawns")
    a = ap.parse_args()
    if a.cmd == "dump":
        index = h.dump(a.cli, a.address, a.run, a.out, not a.no_child_sizes)
        print(f"saved {len(index)} execution(s) into {a.out}", file=sys.stderr)
        return
    index, hist = h.load(a.dir)
    task_table(index, hist, a.agent, a.check)
    run_table(index, hist, a.check)
    sizes(index)
    if a.spawns:
        spawn_table(index, hist, a.spawns)


if __name__ == "__main__":
    main()
