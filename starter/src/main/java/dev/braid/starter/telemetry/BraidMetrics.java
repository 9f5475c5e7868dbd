package dev.braid.starter.telemetry;

import dev.braid.activities.agent.AgentUsageListener;
import dev.braid.activity.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * braid's own metrics, counted by the worker's activities (never by workflow code, which replays).
 * The names are Micrometer's; the Prometheus registry writes them with underscores and the {@code
 * _total} and {@code _seconds} suffixes, as the README's table lists them.
 */
public final class BraidMetrics implements AgentUsageListener {
  private final MeterRegistry registry;

  public BraidMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * One agent attempt ended.
   *
   * @param outcome {@code passed}, or the failure's type in snake case ({@code checks_failed},
   *     {@code agent_failed}, ...), or {@code interrupted} when the worker stopped it
   */
  public void attemptEnded(String tier, String outcome, Duration took) {
    Counter.builder("braid.attempts")
        .description("Agent attempts (agent, commit, checks) by tier and outcome")
        .tag("tier", tier)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    Timer.builder("braid.attempt.duration")
        .description("How long agent attempts took, by tier and outcome")
        .tag("tier", tier)
        .tag("outcome", outcome)
        .register(registry)
        .record(took);
  }

  /** Cost and tokens one agent run reported; what it did not report is counted as unreported. */
  @Override
  public void agentUsed(String tier, Usage usage) {
    Counter.builder("braid.agent.runs")
        .description("Agent runs, by tier and by whether the agent reported its cost")
        .tag("tier", tier)
        .tag("cost_reported", String.valueOf(usage.costUsd() != null))
        .register(registry)
        .increment();
    if (usage.costUsd() != null) {
      Counter.builder("braid.agent.cost.usd")
          .description("What the agents reported they cost, in US dollars")
          .tag("tier", tier)
          .register(registry)
          .increment(usage.costUsd());
    }
    tokens(tier, "input", usage.inputTokens());
    tokens(tier, "output", usage.outputTokens());
  }

  private void tokens(String tier, String kind, Long count) {
    if (count != null) {
      Counter.builder("braid.agent.tokens")
          .description("Tokens the agents reported, by tier and kind (input or output)")
          .tag("tier", tier)
          .tag("kind", kind)
          .register(registry)
          .increment(count);
    }
  }

  /**
   * One merge step ended.
   *
   * @param step {@code integrate} (the merge queue's step) or {@code merge} (into the target)
   * @param batch how many branches the step was given
   * @param outcome {@code merged}, {@code conflicted}, {@code checks_failed} or {@code failed}
   */
  public void mergeStepEnded(String step, int batch, String outcome) {
    Counter.builder("braid.merge.steps")
        .description("Merge steps, by step and outcome")
        .tag("step", step)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    DistributionSummary.builder("braid.merge.batch.size")
        .description("How many branches a merge step was given")
        .tag("step", step)
        .register(registry)
        .record(batch);
  }

  /** A task file's status was written. */
  public void taskStatusWritten(String status) {
    Counter.builder("braid.task.status.transitions")
        .description("Task status writes, by the status written")
        .tag("status", status)
        .register(registry)
        .increment();
  }
}
