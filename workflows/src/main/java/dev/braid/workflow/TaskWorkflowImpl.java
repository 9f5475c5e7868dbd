package dev.braid.workflow;

import dev.braid.activity.AgentActivities;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.GitActivities;
import dev.braid.activity.PlanActivities;
import dev.braid.activity.PrepareRequest;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.PushRequest;
import dev.braid.activity.Usage;
import dev.braid.activity.WorktreeActivities;
import dev.braid.config.AgentTier;
import dev.braid.plan.PlanTask;
import dev.braid.plan.TaskState;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * One task: a worktree on the host that will keep it, then the agent tiers from cheapest to
 * strongest, each under its own retry policy, then the push.
 *
 * <p>The worktree is prepared on the shared task queue and every later activity runs on the queue
 * of the host that prepared it, because the worktree exists only on that host's disk.
 */
public class TaskWorkflowImpl implements TaskWorkflow {
  private static final Logger log = Workflow.getLogger(TaskWorkflowImpl.class);

  @Override
  public TaskOutcome run(TaskRequest request) {
    PlanTask task = request.task();
    String branch = BraidNames.taskBranch(task.id());
    PreparedWorktree worktree =
        Workflow.newActivityStub(WorktreeActivities.class, BraidActivityOptions.prepare())
            .prepare(
                new PrepareRequest(
                    request.repo(),
                    task.id(),
                    request.config().merge().target(),
                    request.config().setup()));
    String host = worktree.hostTaskQueue();
    PlanActivities planFiles =
        Workflow.newActivityStub(PlanActivities.class, BraidActivityOptions.planFiles(host));
    planFiles.setTaskStatus(request.planDir(), task.file(), TaskState.IN_PROGRESS);

    int attempts = 0;
    String tierName = null;
    String reason = null;
    for (AgentTier tier : request.config().tiers()) {
      tierName = tier.name();
      AgentActivities agent =
          Workflow.newActivityStub(
              AgentActivities.class,
              BraidActivityOptions.attempt(host, tier, request.config().checks().size()));
      try {
        AttemptResult result =
            agent.attempt(
                new AttemptRequest(
                    request.runId(),
                    task.id(),
                    request.repo(),
                    worktree.path(),
                    Path.of(request.planDir()).resolve(task.file()).toString(),
                    tier,
                    attempts,
                    request.config().checks(),
                    null));
        Workflow.newActivityStub(GitActivities.class, BraidActivityOptions.push(host))
            .push(new PushRequest(worktree.path(), branch, request.config().merge().remote()));
        planFiles.setTaskStatus(request.planDir(), task.file(), TaskState.COMPLETED);
        return new TaskOutcome(
            task.id(),
            TaskPhase.COMPLETED,
            result.attempt(),
            tier.name(),
            branch,
            result.headCommit(),
            null,
            result.usage());
      } catch (ActivityFailure failure) {
        attempts += attemptsSpent(failure, tier);
        reason = tier.name() + " tier: " + FailureText.describe(failure);
        log.info("task {} failed on tier {}: {}", task.id(), tier.name(), reason);
        if (AttemptFailure.endsCascade(FailureText.type(failure))) {
          break;
        }
      }
    }
    planFiles.setTaskStatus(request.planDir(), task.file(), TaskState.BLOCKED);
    return new TaskOutcome(
        task.id(), TaskPhase.BLOCKED, attempts, tierName, branch, null, reason, Usage.unknown());
  }

  /** A failure the retry policy gave up on used all the tier's attempts; others ended sooner. */
  private static int attemptsSpent(ActivityFailure failure, AgentTier tier) {
    return switch (failure.getRetryState()) {
      case RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED -> Math.max(1, tier.attempts());
      default -> 1;
    };
  }
}
