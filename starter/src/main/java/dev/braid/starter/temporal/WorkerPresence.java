package dev.braid.starter.temporal;

import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.PollerInfo;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether a braid worker polls a task queue, from Temporal's own record of its pollers. A query, an
 * update or a run's next step waits for a worker; with none, the command would hang until a timeout
 * and then name the wrong cause, so the commands that need one ask first.
 */
public final class WorkerPresence {
  private WorkerPresence() {}

  /**
   * Throws, saying what to start, unless a worker polled {@code queue} for {@code type} recently.
   */
  public static void require(Connection connection, String queue, TaskQueueType type) {
    if (!polled(connection, queue, type)) {
      throw new TemporalUnreachable(
          "no braid worker is polling "
              + queue
              + " ("
              + (type == TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW ? "workflows" : "activities")
              + ") on "
              + connection.address()
              + " in namespace "
              + connection.namespace()
              + ": start `braid worker` with the same Temporal settings, on a host with the"
              + " repository's checkout, then run this again");
    }
  }

  /** Whether a worker polled the queue within {@link TemporalDefaults#POLLER_FRESHNESS}. */
  public static boolean polled(Connection connection, String queue, TaskQueueType type) {
    List<PollerInfo> pollers;
    try {
      pollers =
          connection
              .stubs()
              .blockingStub()
              .withDeadlineAfter(TemporalDefaults.PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .describeTaskQueue(
                  DescribeTaskQueueRequest.newBuilder()
                      .setNamespace(connection.namespace())
                      .setTaskQueue(TaskQueue.newBuilder().setName(queue))
                      .setTaskQueueType(type)
                      .build())
              .getPollersList();
    } catch (StatusRuntimeException e) {
      throw new TemporalUnreachable(
          "cannot ask Temporal at "
              + connection.address()
              + " which workers poll "
              + queue
              + " ("
              + e.getStatus().getCode()
              + ")",
          e);
    }
    Instant fresh = Instant.now().minus(TemporalDefaults.POLLER_FRESHNESS);
    return pollers.stream()
        .anyMatch(
            p ->
                Instant.ofEpochSecond(
                        p.getLastAccessTime().getSeconds(), p.getLastAccessTime().getNanos())
                    .isAfter(fresh));
  }
}
