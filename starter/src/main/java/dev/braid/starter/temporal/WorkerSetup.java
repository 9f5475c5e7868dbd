package dev.braid.starter.temporal;

import dev.braid.activities.agent.AgentUsageListener;
import io.temporal.common.interceptors.WorkerInterceptor;
import java.time.Duration;
import java.util.List;

/**
 * How a worker runs beyond what it serves: its limits, how it stops, what it reports.
 *
 * @param maxAgents at most this many activities at once on this host's own queue, where the agent
 *     attempts run; 0 for the SDK's default
 * @param drain how long a stopping worker lets running activities finish before interrupting them;
 *     zero to interrupt at once
 * @param interceptors the worker's interceptors (metrics, tracing)
 * @param agentUsage hears what each agent run reported it consumed
 * @param onStopped closed once the worker has stopped (the metrics endpoint, the span exporter)
 * @param shared whether other hosts' workers poll the same queues: then an activity a workflow
 *     schedules on the shared queue (preparing a task's worktree, above all) goes through the
 *     server to whichever worker polls, rather than straight to the worker that ran the workflow
 *     task (the SDK's eager execution), which would keep every task on the host that holds the
 *     run's workflow
 */
public record WorkerSetup(
    int maxAgents,
    Duration drain,
    List<WorkerInterceptor> interceptors,
    AgentUsageListener agentUsage,
    AutoCloseable onStopped,
    boolean shared) {

  /**
   * A worker inside a CLI command: no limit, interrupted at once when the command ends, alone on
   * the embedded server, so eager execution saves each activity a round trip.
   */
  public static final WorkerSetup IN_PROCESS =
      new WorkerSetup(0, Duration.ZERO, List.of(), AgentUsageListener.NONE, () -> {}, false);

  public WorkerSetup {
    if (maxAgents < 0) {
      throw new IllegalArgumentException("maxAgents must not be negative: " + maxAgents);
    }
    interceptors = List.copyOf(interceptors);
  }
}
