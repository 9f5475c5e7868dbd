package dev.braid.starter.telemetry;

import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.config.AgentTier;
import dev.braid.plan.TaskState;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.ActivityStub;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/**
 * Calls {@code Attempt} on tier {@code fast} twice (the first fails with {@code ChecksFailed}),
 * {@code Integrate} with a batch of three, and {@code SetTaskStatus} to {@code in_progress}, each
 * once with no retry.
 */
public class ProbeImpl implements Probe {
  static final AgentTier FAST = new AgentTier("fast", List.of("agent"), 2, 60, 1);

  private final ActivityStub activities =
      Workflow.newUntypedActivityStub(
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
              .build());

  @Override
  public String run(String scenario) {
    AttemptRequest attempt =
        new AttemptRequest(
            "run", "t1", "/repo", "/wt", "/t1.md", FAST, 0, List.of(), null, "b", false);
    try {
      activities.execute("Attempt", AttemptResult.class, attempt);
    } catch (ActivityFailure expected) {
      // The first attempt fails its checks, as the fake activity says.
    }
    activities.execute("Attempt", AttemptResult.class, attempt);
    activities.execute(
        "Integrate",
        MergeResult.class,
        new MergeRequest(
            "run", "/repo", "main", List.of("a", "b", "c"), List.of(), List.of(), "origin"));
    activities.execute("SetTaskStatus", Void.class, "/plan", "t1.md", TaskState.IN_PROGRESS);
    return "done";
  }
}
