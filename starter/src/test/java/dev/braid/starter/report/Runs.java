package dev.braid.starter.report;

import dev.braid.activity.MergeResult;
import dev.braid.activity.Usage;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanTask;
import dev.braid.plan.Priority;
import dev.braid.plan.TaskState;
import dev.braid.workflow.BlockKind;
import dev.braid.workflow.Blocker;
import dev.braid.workflow.RunPhase;
import dev.braid.workflow.RunStatus;
import dev.braid.workflow.TaskPhase;
import dev.braid.workflow.TaskStatus;
import java.util.List;

/** Hand-made runs and plans, with times in seconds after a fixed start, for the report's tests. */
final class Runs {
  static final long T0 = 1_700_000_000_000L;

  private Runs() {}

  /** A task that ran from {@code from} to {@code to} seconds after the run's start. */
  static TaskStatus ran(String id, double from, double to, Usage usage) {
    return new TaskStatus(
        id,
        "Title of " + id,
        TaskPhase.COMPLETED,
        1,
        "fast",
        "feature/" + id,
        "0123456789abcdef" + id,
        null,
        at(from),
        at(to),
        List.of("fast"),
        usage,
        null);
  }

  /** A task that ran and opened a pull request. */
  static TaskStatus withPullRequest(String id, double from, double to, String url) {
    TaskStatus t = ran(id, from, to, Usage.unknown());
    return new TaskStatus(
        t.id(),
        t.title(),
        t.phase(),
        t.attempts(),
        t.tier(),
        t.branch(),
        t.headCommit(),
        t.reason(),
        t.startedAtMillis(),
        t.finishedAtMillis(),
        t.tiers(),
        t.usage(),
        url);
  }

  /** A task that started and has not finished. */
  static TaskStatus running(String id, double from) {
    return new TaskStatus(
        id,
        id,
        TaskPhase.RUNNING,
        1,
        "fast",
        "feature/" + id,
        null,
        null,
        at(from),
        0,
        List.of("fast"),
        Usage.unknown(),
        null);
  }

  /** A task that started and waits out its agent's rate limit, as its workflow says so. */
  static TaskStatus waitingOnRateLimit(String id, double from, String reason) {
    return new TaskStatus(
        id,
        id,
        TaskPhase.RUNNING,
        0,
        null,
        "feature/" + id,
        null,
        reason,
        at(from),
        0,
        List.of(),
        Usage.unknown(),
        null,
        new Blocker(BlockKind.RATE_LIMIT, reason, "/repo/.parallel/logs/" + id, List.of()));
  }

  /** A task that did not run: completed before the run, or skipped. */
  static TaskStatus notRun(String id, TaskPhase phase) {
    return new TaskStatus(
        id,
        id,
        phase,
        0,
        null,
        "feature/" + id,
        null,
        phase == TaskPhase.SKIPPED ? "dep" : null,
        0,
        0,
        List.of(),
        Usage.unknown(),
        null);
  }

  static Usage cost(double usd, long in, long out) {
    return new Usage(usd, in, out, 3, "session");
  }

  /** What Codex reports: its tokens, and no cost. */
  static Usage tokens(long in, long out) {
    return new Usage(null, in, out, null, null);
  }

  static RunStatus run(double wallSeconds, MergeResult merge, TaskStatus... tasks) {
    return new RunStatus(
        "braid-demo-0123abcd",
        "demo",
        RunPhase.DONE,
        List.of(tasks),
        merge,
        T0,
        wallSeconds > 0 ? at(wallSeconds) : 0,
        "all tasks completed and merged");
  }

  static MergeResult merged(boolean checksPassed, String output) {
    return new MergeResult(
        List.of("feature/a"), List.of(), checksPassed, output, "fedcba9876543210", true);
  }

  /** A plan of tasks given as {@code "id"} or {@code "id<-dep1,dep2"}. */
  static Plan plan(String... tasks) {
    return new Plan(
        "demo",
        "/repo/.parallel/plans",
        java.util.Arrays.stream(tasks)
            .map(
                spec -> {
                  String[] parts = spec.split("<-");
                  List<String> deps = parts.length == 1 ? List.of() : List.of(parts[1].split(","));
                  return new PlanTask(
                      parts[0],
                      parts[0],
                      "tasks/" + parts[0] + ".md",
                      Priority.MEDIUM,
                      deps,
                      TaskState.PENDING,
                      List.of());
                })
            .toList());
  }

  private static long at(double seconds) {
    return T0 + Math.round(seconds * 1000);
  }
}
