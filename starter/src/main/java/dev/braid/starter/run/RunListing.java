package dev.braid.starter.run;

/**
 * One run as visibility lists it: what its search attributes and memo say, with no worker and no
 * history read.
 *
 * @param runId the run's workflow id
 * @param temporalRunId this execution's Temporal run id
 * @param state braid's phase ({@code BraidState}), or Temporal's status when the run ended before
 *     publishing one or ended other than braid says (cancelled, terminated, timed out)
 * @param plan the plan's name ({@code BraidPlan}), or null
 * @param tasksDone tasks completed ({@code BraidTasksDone}), or -1 when unknown
 * @param tasksBlocked tasks blocked ({@code BraidTasksBlocked}), or -1 when unknown
 * @param tasksTotal tasks in the plan (the run's memo), or -1 when unknown
 * @param startedAtMillis when the execution started
 * @param closedAtMillis when it closed, or 0 while it runs
 * @param repo the repository's identity ({@code BraidRepo}); the starting clone's path for runs an
 *     older braid started, or null for runs started before braid set it
 */
public record RunListing(
    String runId,
    String temporalRunId,
    String state,
    String plan,
    long tasksDone,
    long tasksBlocked,
    long tasksTotal,
    long startedAtMillis,
    long closedAtMillis,
    String repo) {}
