package dev.braid.starter.temporal;

import dev.braid.activities.agent.AgentActivitiesImpl;
import dev.braid.activities.cleanup.CleanupActivitiesImpl;
import dev.braid.activities.git.GitActivitiesImpl;
import dev.braid.activities.git.WorktreeActivitiesImpl;
import dev.braid.activities.github.GitHubFlowActivitiesImpl;
import dev.braid.activities.github.PullRequestActivitiesImpl;
import dev.braid.activities.notify.NotifyActivitiesImpl;
import dev.braid.activities.plan.PlanActivitiesImpl;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activities.secrets.ChildEnvironment;
import dev.braid.activities.secrets.EnvironmentGrants;
import dev.braid.workflow.BraidNames;
import dev.braid.workflow.ExecuteWorkflowImpl;
import dev.braid.workflow.TaskWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Runs braid's worker: the workflows and every activity on the shared task queue, and the
 * activities again on this host's own queue, so that a task's work stays where its worktree is.
 * Spring stops it when the process ends, letting running activities finish their heartbeat.
 */
@Component
public class WorkerHost {
  private WorkerFactory factory;

  /** Starts polling with workflows and activities; returns at once. */
  public void start(Connection connection) {
    start(connection, WorkerMode.FULL);
  }

  /** Starts polling in the given mode; returns at once. */
  public void start(Connection connection, WorkerMode mode) {
    start(connection, mode, EnvironmentGrants.NONE, java.util.List.of());
  }

  /**
   * Starts polling in the given mode; returns at once.
   *
   * @param grants what this worker's {@code braid.yaml} lets checks, setup and notify see, and
   *     which names it masks besides the secret-looking ones; read on the worker's side, never from
   *     a workflow's input
   * @param notify this worker's {@code notify} command, also read on the worker's side
   */
  public void start(
      Connection connection,
      WorkerMode mode,
      EnvironmentGrants grants,
      java.util.List<String> notify) {
    start(connection, mode, grants, notify, BraidNames.TASK_QUEUE);
  }

  /**
   * Starts polling the repository's queue (see {@link BraidNames#repositoryQueue}) and this host's
   * queue of it; returns at once. The legacy shared queue and its host queue are polled too, by one
   * poller each, so that runs started before repositories had their own queue still finish.
   *
   * @param sharedQueue the repository's queue
   */
  public synchronized void start(
      Connection connection,
      WorkerMode mode,
      EnvironmentGrants grants,
      java.util.List<String> notify,
      String sharedQueue) {
    if (factory != null || mode == WorkerMode.NONE) {
      return;
    }
    String hostQueue = BraidNames.hostTaskQueue(sharedQueue, hostName());
    ProcessRunner runner = new ProcessRunner(ChildEnvironment.ofWorker(grants));
    Object[] activities = {
      new PlanActivitiesImpl(),
      new WorktreeActivitiesImpl(hostQueue, runner),
      new AgentActivitiesImpl(runner),
      new GitActivitiesImpl(runner),
      new NotifyActivitiesImpl(runner, notify),
      new PullRequestActivitiesImpl(),
      new GitHubFlowActivitiesImpl(runner),
      new CleanupActivitiesImpl()
    };
    factory = WorkerFactory.newInstance(connection.client());
    poll(sharedQueue, hostQueue, mode, activities, WorkerOptions.getDefaultInstance());
    if (!sharedQueue.equals(BraidNames.TASK_QUEUE)) {
      WorkerOptions few =
          WorkerOptions.newBuilder()
              .setMaxConcurrentWorkflowTaskPollers(2)
              .setMaxConcurrentActivityTaskPollers(1)
              .build();
      poll(BraidNames.TASK_QUEUE, BraidNames.hostTaskQueue(hostName()), mode, activities, few);
    }
    factory.start();
  }

  private void poll(
      String sharedQueue,
      String hostQueue,
      WorkerMode mode,
      Object[] activities,
      WorkerOptions options) {
    Worker shared = factory.newWorker(sharedQueue, options);
    shared.registerWorkflowImplementationTypes(ExecuteWorkflowImpl.class, TaskWorkflowImpl.class);
    if (mode == WorkerMode.FULL) {
      shared.registerActivitiesImplementations(activities);
      Worker own = factory.newWorker(hostQueue, options);
      own.registerActivitiesImplementations(activities);
    }
  }

  /** Blocks until the worker is shut down, for {@code braid worker}. */
  public void awaitTermination() throws InterruptedException {
    WorkerFactory running;
    synchronized (this) {
      running = factory;
    }
    if (running != null) {
      running.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    }
  }

  /** The name of this host's task queue. */
  public static String hostName() {
    String env = System.getenv("BRAID_HOST");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String fallback = System.getenv("HOSTNAME");
      return fallback == null || fallback.isBlank() ? "localhost" : fallback;
    }
  }

  /**
   * Stops at once. Running activities are interrupted, which kills their agents' process trees;
   * Temporal retries them on the next worker, and the worktree keeps what the agent had written.
   */
  @PreDestroy
  public synchronized void stop() {
    if (factory != null) {
      factory.shutdownNow();
      factory.awaitTermination(10, TimeUnit.SECONDS);
      factory = null;
    }
  }
}
