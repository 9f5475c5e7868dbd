package dev.braid.workflow;

import dev.braid.config.AgentTier;
import io.temporal.workflow.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Where a human's decisions arrive: it checks each against the task's {@link Blocker} and hands it
 * to whoever waits for it. A task whose workflow waits gets it as the {@code decide} signal; a task
 * whose workflow is over (its pull request failed, or its workflow itself failed) is decided by the
 * run, which picks the decision up from here.
 */
final class UnblockDesk {
  private static final Logger log = Workflow.getLogger(UnblockDesk.class);

  /** The change that sent a decision to the task's workflow when that workflow holds the block. */
  static final String TASK_HELD_CHANGE = "task-held-blocks";

  private final RunBoard board;
  private final List<AgentTier> tiers;
  private final boolean everyKindDecidable;
  private final Map<String, RunDecision> forRun = new HashMap<>();
  private Double runBudgetRaised;

  /**
   * A decision the run carries out itself.
   *
   * @param request what the human decided
   * @param blocker what the task was blocked by when the decision came
   */
  record RunDecision(UnblockRequest request, Blocker blocker) {}

  /**
   * @param everyKindDecidable false for runs recorded before blockers existed, in which a task the
   *     merge blocked could not be decided
   */
  UnblockDesk(RunBoard board, List<AgentTier> tiers, boolean everyKindDecidable) {
    this.board = board;
    this.tiers = tiers;
    this.everyKindDecidable = everyKindDecidable;
  }

  /** Why this decision cannot be taken, or null when it can. */
  String problem(UnblockRequest unblock) {
    if (unblock == null || unblock.taskId() == null || unblock.action() == null) {
      return "an unblock needs a taskId and an action (retry, skip or done)";
    }
    String id = unblock.taskId();
    if (board == null || !board.has(id)) {
      return "no task '" + id + "' in this run";
    }
    TaskPhase now = board.phase(id);
    if (now != TaskPhase.BLOCKED) {
      return "task '" + id + "' is " + now.label() + ", not blocked";
    }
    Blocker blocker = board.blocker(id);
    if (!everyKindDecidable && board.blockedByMerge(id)) {
      return "task '" + id + "' conflicted in the merge, which this version cannot retry";
    }
    if (unblock.tier() != null && tiers.stream().noneMatch(t -> t.name().equals(unblock.tier()))) {
      return "no tier '"
          + unblock.tier()
          + "'; the tiers are "
          + String.join(", ", tiers.stream().map(AgentTier::name).toList());
    }
    if (unblock.action() != UnblockAction.RETRY
        && (unblock.tier() != null || unblock.guidance() != null || unblock.budget() != null)) {
      return "guidance, tier and budget go with retry only";
    }
    if (unblock.budget() != null && !(unblock.budget() > 0)) {
      return "a budget must be more than $0, not " + unblock.budget();
    }
    String unused = ignoredOptions(id, blocker, unblock);
    if (unused != null) {
      return unused;
    }
    if (blocker != null && !blocker.allows(unblock.action())) {
      return "task '"
          + id
          + "' is blocked by "
          + blocker.kind().label()
          + ", which allows "
          + String.join(", ", blocker.decisions().stream().map(UnblockAction::label).toList())
          + ", not "
          + unblock.action().label();
    }
    return null;
  }

  /**
   * Options a retry would silently drop: a failed task's workflow starts again from its first tier
   * and budget (only guidance goes with it), and a pull request the run holds is opened again as it
   * is, its task's work merged already.
   */
  private String ignoredOptions(String id, Blocker blocker, UnblockRequest unblock) {
    if (blocker == null || unblock.action() != UnblockAction.RETRY) {
      return null;
    }
    if (blocker.kind() == BlockKind.TASK_FAILED
        && (unblock.tier() != null || unblock.budget() != null)) {
      return "task '"
          + id
          + "' is blocked by task-failed: a retry starts its workflow again from the first tier,"
          + " with --guidance if given; --tier and --budget do not apply";
    }
    if (blocker.kind() == BlockKind.PULL_REQUEST_FAILED
        && !board.heldByTask(id)
        && (unblock.tier() != null || unblock.budget() != null || unblock.guidance() != null)) {
      return "task '"
          + id
          + "' is merged, and its pull request failed to open: a retry opens it again;"
          + " --guidance, --tier and --budget do not apply";
    }
    return null;
  }

  /** Hands a valid decision to whoever waits for it, and says what will happen. */
  UnblockResult forward(UnblockRequest unblock, String runId) {
    Blocker blocker = board.blocker(unblock.taskId());
    if (blocker != null
        && blocker.kind() == BlockKind.RUN_BUDGET
        && unblock.budget() != null
        && board.heldByTask(unblock.taskId())) {
      // The run's budget stopped a running task's attempts: raising it is the run's too.
      runBudgetRaised = unblock.budget();
    }
    if (blocker != null && runDecides(unblock.taskId(), blocker)) {
      forRun.put(unblock.taskId(), new RunDecision(unblock, blocker));
    } else {
      Workflow.newExternalWorkflowStub(
              TaskWorkflow.class, BraidNames.taskWorkflowId(runId, unblock.taskId()))
          .decide(unblock);
    }
    // Even a skip makes the task's workflow work again: it records the skip, then ends.
    board.resume(unblock.taskId());
    String message =
        switch (unblock.action()) {
          case RETRY ->
              "task "
                  + unblock.taskId()
                  + " will run again from tier "
                  + (unblock.tier() == null ? tiers.get(0).name() : unblock.tier());
          case SKIP ->
              "task " + unblock.taskId() + " is skipped, and so are the tasks that depend on it";
          case DONE ->
              "task " + unblock.taskId() + ": braid commits the worktree and runs the checks";
        };
    log.info("unblock: {}", message);
    return new UnblockResult(unblock.taskId(), unblock.action(), message);
  }

  /**
   * Whether the run carries out this decision itself: for a kind it holds (the task's workflow has
   * ended), unless the task's own workflow blocked it and waits, as a task does when its pull
   * request fails under {@code github.watch}. Runs recorded before this distinction sent such a
   * decision to the run, which never took it.
   */
  private boolean runDecides(String taskId, Blocker blocker) {
    if (!blocker.kind().decidedByRun()) {
      return false;
    }
    return !board.heldByTask(taskId)
        || Workflow.getVersion(TASK_HELD_CHANGE, Workflow.DEFAULT_VERSION, 1)
            == Workflow.DEFAULT_VERSION;
  }

  /** Takes the run's budget a human raised through a running task's decision, or null. */
  Double takeRunBudgetRaise() {
    Double raised = runBudgetRaised;
    runBudgetRaised = null;
    return raised;
  }

  /** Takes the decision for a task that the run decides itself, or null when none came. */
  RunDecision takeForRun(String taskId) {
    return forRun.remove(taskId);
  }

  /** The tasks with a decision the run has still to carry out, in id order. */
  List<String> pendingForRun() {
    return List.copyOf(new java.util.TreeSet<>(forRun.keySet()));
  }

  /** The same, for tasks blocked by one kind. */
  List<String> pendingForRun(BlockKind kind) {
    return pendingForRun().stream().filter(id -> forRun.get(id).blocker().kind() == kind).toList();
  }
}
