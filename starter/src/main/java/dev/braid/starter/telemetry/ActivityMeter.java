package dev.braid.starter.telemetry;

import dev.braid.activity.AttemptRequest;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.plan.TaskState;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads braid's metrics off one activity's input and outcome, so the activities themselves stay
 * free of metrics code: an {@code Attempt} counts by tier and outcome, {@code Integrate} and {@code
 * Merge} count merge steps and their batch size, {@code SetTaskStatus} counts the status written.
 * Every other activity passes through untouched.
 */
final class ActivityMeter extends ActivityInboundCallsInterceptorBase {
  private final BraidMetrics metrics;
  private String type = "";

  ActivityMeter(ActivityInboundCallsInterceptor next, BraidMetrics metrics) {
    super(next);
    this.metrics = metrics;
  }

  @Override
  public void init(ActivityExecutionContext context) {
    type = context.getInfo().getActivityType();
    super.init(context);
  }

  @Override
  public ActivityOutput execute(ActivityInput input) {
    Object[] args = input.getArguments();
    long started = System.nanoTime();
    ActivityOutput output;
    try {
      output = super.execute(input);
    } catch (RuntimeException | Error e) {
      ended(args, null, e, started);
      throw e;
    }
    ended(args, output.getResult(), null, started);
    return output;
  }

  private void ended(Object[] args, Object result, Throwable failure, long startedNanos) {
    Object first = args.length > 0 ? args[0] : null;
    switch (type) {
      case "Attempt" -> {
        if (first instanceof AttemptRequest r) {
          metrics.attemptEnded(
              r.tier().name(),
              failure == null ? "passed" : outcome(failure),
              Duration.ofNanos(System.nanoTime() - startedNanos));
        }
      }
      case "Integrate", "Merge" -> {
        if (first instanceof MergeRequest r) {
          metrics.mergeStepEnded(
              type.toLowerCase(Locale.ROOT),
              r.branches().size(),
              result instanceof MergeResult m ? mergeOutcome(m) : "failed");
        }
      }
      case "SetTaskStatus" -> {
        if (failure == null && args.length > 2 && args[2] instanceof TaskState state) {
          metrics.taskStatusWritten(state.yamlName());
        }
      }
      default -> {}
    }
  }

  /** {@code merged}, unless a branch conflicted or the checks failed on the result. */
  static String mergeOutcome(MergeResult m) {
    if (!m.checksPassed()) {
      return "checks_failed";
    }
    return m.conflicted().isEmpty() ? "merged" : "conflicted";
  }

  /**
   * A failure's type in snake case ({@code ChecksFailed}: {@code checks_failed}); {@code
   * interrupted} when Temporal or the worker's shutdown stopped the attempt; {@code error} for
   * anything else.
   */
  static String outcome(Throwable e) {
    if (e instanceof ApplicationFailure f && f.getType() != null && !f.getType().isBlank()) {
      return f.getType().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ActivityCompletionException || t instanceof InterruptedException) {
        return "interrupted";
      }
    }
    return Thread.currentThread().isInterrupted() ? "interrupted" : "error";
  }
}
