package dev.braid.workflow;

import io.temporal.workflow.Workflow;

/**
 * Carries out the decisions the run takes itself, for tasks whose workflow is not there to wait:
 * one that failed (start it again, or give it up) and one the run's budget held back (raise the
 * budget and let it start, or give it up). A pull request's decision is not taken here: {@link
 * PullRequests} waits for it in the finish.
 */
final class RunDecisions {
  private final UnblockDesk desk;
  private final TaskLauncher launcher;
  private final RunBoard board;
  private final RunBudget budget;

  RunDecisions(UnblockDesk desk, TaskLauncher launcher, RunBoard board, RunBudget budget) {
    this.desk = desk;
    this.launcher = launcher;
    this.board = board;
    this.budget = budget;
  }

  void carryOut() {
    Double raised = desk.takeRunBudgetRaise();
    if (raised != null) {
      budget.raiseTo(raised);
      // Tasks the spent budget held back wait to start again; the loop holds back any it still
      // must.
      for (TaskStatus s : board.statuses()) {
        if (s.phase() == TaskPhase.BLOCKED
            && s.blocker() != null
            && s.blocker().kind() == BlockKind.RUN_BUDGET
            && !board.heldByTask(s.id())) {
          board.end(s.id(), TaskPhase.WAITING, null, 0);
        }
      }
    }
    for (String id : desk.pendingForRun(BlockKind.TASK_FAILED)) {
      UnblockDesk.RunDecision decision = desk.takeForRun(id);
      launcher.decide(decision.request(), decision.blocker(), board.status(id));
    }
    for (String id : desk.pendingForRun(BlockKind.RUN_BUDGET)) {
      UnblockRequest decision = desk.takeForRun(id).request();
      if (decision.action() == UnblockAction.SKIP) {
        board.end(
            id,
            TaskPhase.SKIPPED,
            "skipped by a human: the run's budget was spent",
            Workflow.currentTimeMillis());
        continue;
      }
      if (decision.budget() != null) {
        budget.raiseTo(decision.budget());
      }
      // It waits to start again; the loop holds it back once more if the budget still says so.
      board.end(id, TaskPhase.WAITING, null, 0);
    }
  }
}
