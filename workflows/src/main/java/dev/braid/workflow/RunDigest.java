package dev.braid.workflow;

/**
 * What a run keeps in its memo, so that a client with no worker (the Web UI, {@code braid status}
 * on a cluster whose workers are down) can read where it stands. It stays small, since the whole
 * memo is written again on every change: the tasks keep their own state in their own memos.
 *
 * @param phase where the run stands
 * @param planName the plan's name
 * @param total tasks in the plan
 * @param completed tasks completed
 * @param running tasks whose workflow runs
 * @param blocked tasks waiting for a human
 * @param skipped tasks skipped
 * @param startedAtMillis when the run started (workflow time)
 * @param message why the run ended as it did, or null
 * @param runBlocked the tasks the run itself holds blocked (kinds it decides: {@link
 *     BlockKind#decidedByRun()}), with why, since they have no running workflow of their own whose
 *     memo could say so; empty in runs recorded before
 */
public record RunDigest(
    RunPhase phase,
    String planName,
    int total,
    int completed,
    int running,
    int blocked,
    int skipped,
    long startedAtMillis,
    String message,
    java.util.Map<String, Blocker> runBlocked) {

  public RunDigest {
    runBlocked = runBlocked == null ? java.util.Map.of() : runBlocked;
  }
}
