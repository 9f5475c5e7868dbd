"""Reading a braid run's Temporal histories, for bench/phases.py and the benchmark scripts.

`dump` saves every execution of a run, as `temporal workflow show -o json` prints it: the
ExecuteWorkflow's chain of continue-as-new executions (followed from the first run id in the
run's --json), and every TaskWorkflow execution each of them started. It also records each
execution's event count and history size in bytes, as Temporal counts them
(`temporal workflow describe`: historyLength, historySizeBytes), in index.json.
"""

import base64
import datetime
import json
import pathlib
import subprocess


def ns(event):
    """An event's time in nanoseconds since the epoch (eventTime has nanosecond digits)."""
    text = event["eventTime"].rstrip("Z")
    whole, _, frac = text.partition(".")
    t = datetime.datetime.fromisoformat(whole).replace(tzinfo=datetime.timezone.utc)
    return int(t.timestamp()) * 10**9 + int((frac + "000000000")[:9])


def kind(event):
    return event["eventType"].removeprefix("EVENT_TYPE_")


def attrs(event):
    return next(v for k, v in event.items() if k.endswith("EventAttributes"))


def payload(p):
    """The first payload of a payloads object, decoded from JSON; None when there is none."""
    items = (p or {}).get("payloads") or []
    if not items:
        return None
    try:
        return json.loads(base64.b64decode(items[0]["data"]))
    except (ValueError, KeyError):
        return None


def _cli(cli, address, *args):
    out = subprocess.run(
        [cli, *args, "--address", address, "-o", "json"], check=True, capture_output=True
    ).stdout
    return json.loads(out)


def _size(cli, address, wid, rid):
    info = _cli(cli, address, "workflow", "describe", "-w", wid, "-r", rid)["workflowExecutionInfo"]
    return int(info["historyLength"]), int(info["historySizeBytes"])


def dump(cli, address, run_json, out, describe_children=True):
    """Saves the run's histories into `out`; returns the index (one entry per execution)."""
    run = json.load(open(run_json))
    out = pathlib.Path(out)
    out.mkdir(parents=True, exist_ok=True)
    wid, rid = run["runId"], run["temporalRunId"]
    index, n = [], 0
    while rid:
        history = _cli(cli, address, "workflow", "show", "-w", wid, "-r", rid)
        name = f"execute-{n}.json"
        (out / name).write_text(json.dumps(history))
        events, size = _size(cli, address, wid, rid)
        index.append({"file": name, "workflowId": wid, "runId": rid, "type": "ExecuteWorkflow",
                      "events": events, "bytes": size})
        children = [attrs(e)["workflowExecution"] for e in history["events"]
                    if kind(e) == "CHILD_WORKFLOW_EXECUTION_STARTED"]
        for c in children:
            cname = f"task-{c['workflowId'].split('/')[-1]}-{c['runId'][-8:]}.json"
            child = _cli(cli, address, "workflow", "show", "-w", c["workflowId"], "-r", c["runId"])
            (out / cname).write_text(json.dumps(child))
            entry = {"file": cname, "workflowId": c["workflowId"], "runId": c["runId"],
                     "type": "TaskWorkflow", "events": len(child["events"]),
                     "bytes": None, "parent": name}
            if describe_children:
                entry["events"], entry["bytes"] = _size(cli, address, c["workflowId"], c["runId"])
            index.append(entry)
        last = history["events"][-1]
        rid = attrs(last).get("newExecutionRunId") if kind(last) == "WORKFLOW_EXECUTION_CONTINUED_AS_NEW" else None
        n += 1
    (out / "index.json").write_text(json.dumps(index, indent=1))
    return index


def load(folder):
    """The index and every saved history, by file name."""
    folder = pathlib.Path(folder)
    index = json.loads((folder / "index.json").read_text())
    return index, {e["file"]: json.loads((folder / e["file"]).read_text())["events"] for e in index}
