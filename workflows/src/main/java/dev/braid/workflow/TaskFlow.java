package dev.braid.workflow;

import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.BranchUpdateResult;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.PullRequestVerdict;
import dev.braid.activity.PushRequest;
import dev.braid.activity.Usage;
import dev.braid.plan.PlanTask;
import dev.braid.plan.TaskState;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.Deque;
import org.slf4j.Logger;

/**
 * A task as a small state machine ({@link TaskStep}). Every way a step can fail leads to {@code
 * BLOCKED} with a {@link Blocker}, and every decision leads out of it, so the workflow never ends
 * while its task waits for a human. A host that stops answering sends the task back to {@code
 * PREPARE}, on whichever host answers, without counting an attempt.
 */
final class TaskFlow {
  private static final Logger log = Workflow.getLogger(TaskFlow.class);

  private final TaskRequest request;
  private final PlanTask task;
  private final Deque<UnblockRequest> decisions;
  private final Cascade cascade;
  private final TaskReporter reporter;
  private TaskHost host;
  private Blocker blocker;
  private Blocker decided;
  private AttemptResult result;
  private int firstTier;
  private String guidance;
  private boolean sync;
  private TaskStep afterPrepare;
  private final PullRequestReview review;

  TaskFlow(
      TaskRequest request, Deque<UnblockRequest> decisions, RunRateLimit limit, GitHubNews news) {
    this.request = request;
    this.task = request.task();
    this.decisions = decisions;
    this.cascade = new Cascade(request, null);
    this.reporter = new TaskReporter(request, cascade);
    cascade.waitWith(new TaskRateLimits(request, limit, reporter));
    cascade.budget(new AttemptBudget(request.config().budget().perTaskUsd(), request.runBudget()));
    this.host = TaskHost.none(request);
    TaskRound round = request.round();
    sync = round != null && round.sync();
    guidance = round == null ? null : round.feedback();
    blocker = round == null ? null : round.blocker();
    afterPrepare = blocker != null ? TaskStep.BLOCKED : TaskStep.WORK;
    review = PullRequestReview.of(request, reporter, news);
  }

  TaskOutcome run() {
    reporter.publish(TaskPhase.RUNNING, null);
    TaskStep step = TaskStep.PREPARE;
    while (true) {
      try {
        switch (step) {
          case PREPARE -> step = prepare();
          case WORK -> step = work();
          case MANUAL -> step = manual();
          case BLOCKED -> step = waitForDecision();
          case COMPLETE -> {
            if (pushedForGood()) {
              return complete();
            }
            step = TaskStep.REVIEW;
          }
          case REVIEW -> step = review();
          case SKIP -> {
            return skip();
          }
        }
      } catch (ActivityFailure e) {
        if (FailureText.cancelled(e)) {
          // The run was cancelled: the task stops here; nothing is left to decide.
          throw e;
        }
        step =
            FailureText.lostHost(e)
                ? hostLost(step)
                : block(
                    step.unexpectedFailure(),
                    step.name().toLowerCase() + ": " + FailureText.describe(e));
      } catch (TaskHostLost e) {
        step = hostLost(step);
      }
    }
  }

  /**
   * The work survives on the host's disk if it comes back, and on the remote once pushed; what the
   * next host lacks is redone, and the attempt that never started is not counted.
   */
  private TaskStep hostLost(TaskStep step) {
    String queue =
        host.hasWorktree() ? host.worktree.hostTaskQueue() : BraidActivityOptions.sharedQueue();
    log.warn("task {}: host {} is not answering; preparing again", task.id(), queue);
    afterPrepare = step == TaskStep.PREPARE ? afterPrepare : step;
    return TaskStep.PREPARE;
  }

  private TaskStep prepare() {
    String before = host.hasWorktree() ? host.worktree.hostTaskQueue() : null;
    try {
      moveTo(TaskHost.prepare(request));
    } catch (ActivityFailure e) {
      boolean setup = AttemptFailure.SETUP_FAILED.equals(FailureText.type(e));
      FailureText.detail(e, PreparedWorktree.class).ifPresent(this::moveTo);
      BlockKind kind = setup ? BlockKind.SETUP_FAILED : BlockKind.WORKTREE_FAILED;
      return block(kind, (setup ? "setup: " : "worktree: ") + FailureText.describe(e));
    }
    // Work pushed or committed on the lost host is not here: finishing it means redoing it.
    if (afterPrepare == TaskStep.COMPLETE && !host.worktree.hostTaskQueue().equals(before)) {
      return TaskStep.WORK;
    }
    return afterPrepare;
  }

  private void moveTo(PreparedWorktree worktree) {
    host = host.movedTo(worktree);
    cascade.moveTo(worktree);
  }

  private TaskStep work() {
    host.mirror(TaskState.IN_PROGRESS);
    if (sync) {
      return synced(
          new SyncStep(request, host, cascade)
              .run(firstTier, guidance, request.config().resolver()));
    }
    CascadeResult round = cascade.run(firstTier, guidance);
    if (round.hostLost()) {
      throw new TaskHostLost();
    }
    if (round.succeeded()) {
      result = round.result();
      return TaskStep.COMPLETE;
    }
    return block(
        cascade.budget().stopKind(round.failureType()),
        cascade.budget().stopReason(round.failureType(), round.failure(), cascade.spentUsd()));
  }

  /** A merge into the task's branch, resolved or not: its work to push, or a human's decision. */
  private TaskStep synced(SyncStep.Outcome synced) {
    if (synced.hostLost()) {
      throw new TaskHostLost();
    }
    if (synced.result() != null) {
      result = synced.result();
      return TaskStep.COMPLETE;
    }
    String type = synced.failureType();
    return synced.conflict()
        ? block(BlockKind.MERGE_CONFLICT, synced.failure())
        : block(
            cascade.budget().stopKind(type),
            cascade.budget().stopReason(type, synced.failure(), cascade.spentUsd()));
  }

  private TaskStep manual() {
    host.mirror(TaskState.IN_PROGRESS);
    try {
      result = host.acceptManualWork(request);
      return TaskStep.COMPLETE;
    } catch (ActivityFailure e) {
      if (FailureText.lostHost(e)) {
        throw e;
      }
      return block(
          BlockKind.MANUAL_CHECKS_FAILED,
          "checks after the manual fix: " + FailureText.describe(e));
    }
  }

  private TaskStep block(BlockKind kind, String reason) {
    BlockKind effective = kind;
    if (kind == BlockKind.SETUP_FAILED && !host.hasWorktree()) {
      effective = BlockKind.WORKTREE_FAILED;
    }
    blocker = Blocker.of(effective, reason, request.logDir());
    return TaskStep.BLOCKED;
  }

  private TaskStep waitForDecision() {
    host.mirror(TaskState.BLOCKED);
    reporter.notifyBlocked(blocker);
    reporter.report(TaskPhase.BLOCKED, blocker);
    // The run forwards a decision only once it has heard that the task is blocked.
    decisions.clear();
    Workflow.await(() -> !decisions.isEmpty());
    UnblockRequest decision = decisions.poll();
    decided = blocker;
    blocker = null;
    reporter.report(TaskPhase.RUNNING, null);
    return switch (decision.action()) {
      case SKIP -> TaskStep.SKIP;
      case DONE -> host.hasWorktree() ? TaskStep.MANUAL : TaskStep.PREPARE;
      case RETRY -> retry(decided, decision);
    };
  }

  private TaskStep retry(Blocker decided, UnblockRequest decision) {
    firstTier = cascade.tierIndex(decision.tier());
    if (decision.budget() != null) {
      cascade.budget().raise(decided.kind(), decision.budget());
    }
    String feedback = request.round() == null ? null : request.round().feedback();
    guidance = TaskRound.withGuidance(feedback, decision.guidance());
    return switch (decided.kind()) {
      case SETUP_FAILED, WORKTREE_FAILED -> {
        afterPrepare = TaskStep.WORK;
        yield TaskStep.PREPARE;
      }
      // A stacked pull request's next look finds its base merged again, and tries again.
      case MERGE_CONFLICT, MERGE_CHECKS_FAILED -> {
        sync = review == null || !review.stacked();
        yield sync ? TaskStep.WORK : TaskStep.REVIEW;
      }
      // Nothing was wrong with the work itself: offer it again, unless a human asks for more.
      case PUSH_FAILED -> TaskStep.COMPLETE;
      case INTEGRATE_FAILED, PULL_REQUEST_FAILED ->
          decision.guidance() == null ? TaskStep.COMPLETE : TaskStep.WORK;
      case REVIEW_ROUNDS -> {
        // GitHub's last words go to the agent too, with the human's.
        guidance = TaskRound.withGuidance(review.grantRounds(), decision.guidance());
        yield TaskStep.WORK;
      }
      default -> TaskStep.WORK;
    };
  }

  /**
   * Pushes the work, unless its pull request is merged already; whether the task is done then, or
   * its pull request's review goes on.
   */
  private boolean pushedForGood() {
    if (result == null) {
      result = new AttemptResult(cascade.attempts(), null, Usage.unknown(), null);
    }
    if (review == null || !review.merged()) {
      String branch = BraidNames.taskBranch(task.id());
      host.git.push(
          new PushRequest(host.worktree.path(), branch, request.config().merge().remote()));
    }
    return review == null || review.merged();
  }

  private TaskOutcome complete() {
    host.mirror(TaskState.COMPLETED);
    reporter.publish(TaskPhase.COMPLETED, null);
    String url = review == null ? null : review.url();
    return TaskEnds.completed(task, cascade, result, host.worktree, url);
  }

  /** With {@code github.watch}: acts on GitHub's news for the task's pull request. */
  private TaskStep review() {
    PullRequestVerdict news = review.awaitNews(result.headCommit());
    return switch (news.kind()) {
      case MERGED -> TaskStep.COMPLETE;
      case CLOSED, BASE_CLOSED -> TaskStep.SKIP;
      case BASE_MERGED -> onTarget(review.moveOntoTarget(host.gitHub, host.worktree.path()));
      default ->
          review.takeRound()
              ? roundWith(news.feedback())
              : block(BlockKind.REVIEW_ROUNDS, review.roundsSpent(news.kind()));
    };
  }

  /** Stacked no more: a conflict with the target goes to the resolver, else to a human. */
  private TaskStep onTarget(BranchUpdateResult update) {
    if (!update.conflicted()) {
      result = result.withHead(update.head());
      return TaskStep.REVIEW;
    }
    return synced(new SyncStep(request, host, cascade).resolveTarget(update.conflictingFiles()));
  }

  private TaskStep roundWith(String feedback) {
    guidance = feedback;
    sync = false;
    return TaskStep.WORK;
  }

  private TaskOutcome skip() {
    host.mirror(TaskState.PENDING);
    reporter.publish(TaskPhase.SKIPPED, null);
    String closed = review == null ? null : review.closedReason();
    String reason = closed != null ? closed : "skipped by a human after: " + decided.reason();
    return TaskEnds.skipped(task, cascade, reason);
  }
}
