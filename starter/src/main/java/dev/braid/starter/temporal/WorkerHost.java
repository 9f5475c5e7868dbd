package dev.braid.starter.temporal;

import dev.braid.activities.agent.AgentActivitiesImpl;
import dev.braid.activities.cleanup.CleanupActivitiesImpl;
import dev.braid.activities.files.LocalCheckout;
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
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Runs braid's worker: the workflows and every activity on the shared task queue, and the
 * activities again on this host's own queue, so that a task's work stays where its worktree is.
 * Spring stops it when the process ends ({@link #stop}); it is stopped before the connection it
 * uses is closed, so draining activities can still report their results.
 */
@Component
@DependsOn("temporalConnector")
public class WorkerHost {
  private static final Logger log = LoggerFactory.getLogger(WorkerHost.class);

  /** How long interrupted activities get to end, after the drain or at once. */
  private static final long INTERRUPT_WAIT_SECONDS = 10;

  private WorkerFactory factory;
  private WorkerSetup setup = WorkerSetup.IN_PROCESS;

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
    start(connection, mode, grants, notify, WorkerSetup.IN_PROCESS, BraidNames.TASK_QUEUE);
  }

  /**
   * Starts polling the repository's queue, for the worker inside a command; returns at once.
   *
   * @param checkout the command's checkout, where this worker does the work of the repository's
   *     runs, even of those started from another checkout
   */
  public void start(
      Connection connection,
      WorkerMode mode,
      EnvironmentGrants grants,
      java.util.List<String> notify,
      String sharedQueue,
      Path checkout) {
    start(connection, mode, grants, notify, WorkerSetup.IN_PROCESS, sharedQueue, checkout);
  }

  /** Starts polling the legacy shared queue with {@code setup}; returns at once. */
  public void start(
      Connection connection,
      WorkerMode mode,
      EnvironmentGrants grants,
      java.util.List<String> notify,
      WorkerSetup setup) {
    start(connection, mode, grants, notify, setup, BraidNames.TASK_QUEUE);
  }

  /**
   * Starts polling the repository's queue (see {@link BraidNames#repositoryQueue}) and this host's
   * queue of it, with the limits, drain and reporting of {@code setup}; returns at once. The legacy
   * shared queue and its host queue are polled too, by few pollers, so that runs started before
   * repositories had their own queue still finish.
   *
   * <p>{@code setup.maxAgents()} bounds the activities this worker runs at once on its host's own
   * queue: that is where every agent attempt runs (a task's later activities are bound to the host
   * that prepared its worktree), beside the quick activities of those tasks (status writes, push,
   * sync), which then wait for a free slot too. The shared queue is not bounded, so preparing
   * worktrees and merge steps go on.
   *
   * @param sharedQueue the repository's queue
   */
  public synchronized void start(
      Connection connection,
      WorkerMode mode,
      EnvironmentGrants grants,
      java.util.List<String> notify,
      WorkerSetup setup,
      String sharedQueue) {
    start(connection, mode, grants, notify, setup, sharedQueue, null);
  }

  /**
   * As above, with the checkout this worker serves: the activities of the repository's runs work in
   * it, whatever path the checkout that started a run had ({@link LocalCheckout}).
   *
   * @param checkout this worker's checkout, or null to take every run's paths as they are
   */
  public synchronized void start(
      Connection connection,
      WorkerMode mode,
      EnvironmentGrants grants,
      java.util.List<String> notify,
      WorkerSetup setup,
      String sharedQueue,
      Path checkout) {
    if (factory != null || mode == WorkerMode.NONE) {
      return;
    }
    this.setup = setup;
    String hostQueue = BraidNames.hostTaskQueue(sharedQueue, hostName());
    ProcessRunner runner = new ProcessRunner(ChildEnvironment.ofWorker(grants));
    LocalCheckout local = checkout == null ? LocalCheckout.UNKNOWN : LocalCheckout.at(checkout);
    Object[] activities = {
      new PlanActivitiesImpl(),
      new WorktreeActivitiesImpl(hostQueue, runner, local),
      new AgentActivitiesImpl(runner, setup.agentUsage(), local),
      new GitActivitiesImpl(runner, local),
      new NotifyActivitiesImpl(runner, notify, local),
      new PullRequestActivitiesImpl(local),
      new GitHubFlowActivitiesImpl(runner, local),
      new CleanupActivitiesImpl(local)
    };
    factory =
        WorkerFactory.newInstance(
            connection.client(),
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(setup.interceptors().toArray(WorkerInterceptor[]::new))
                .build());
    poll(
        sharedQueue,
        hostQueue,
        mode,
        activities,
        WorkerOptions.newBuilder().setDisableEagerExecution(setup.shared()));
    if (mode == WorkerMode.FULL) {
      // Status writes into the task files of runs this host started, never behind an agent.
      factory
          .newWorker(
              BraidNames.hostFilesQueue(sharedQueue, hostName()),
              WorkerOptions.newBuilder().setMaxConcurrentActivityTaskPollers(1).build())
          .registerActivitiesImplementations(new PlanActivitiesImpl());
    }
    if (!sharedQueue.equals(BraidNames.TASK_QUEUE)) {
      WorkerOptions.Builder few =
          WorkerOptions.newBuilder()
              .setMaxConcurrentWorkflowTaskPollers(2)
              .setMaxConcurrentActivityTaskPollers(1)
              .setDisableEagerExecution(setup.shared());
      poll(BraidNames.TASK_QUEUE, BraidNames.hostTaskQueue(hostName()), mode, activities, few);
    }
    factory.start();
  }

  private void poll(
      String sharedQueue,
      String hostQueue,
      WorkerMode mode,
      Object[] activities,
      WorkerOptions.Builder options) {
    Worker shared = factory.newWorker(sharedQueue, options.build());
    shared.registerWorkflowImplementationTypes(ExecuteWorkflowImpl.class, TaskWorkflowImpl.class);
    if (mode == WorkerMode.FULL) {
      shared.registerActivitiesImplementations(activities);
      if (setup.maxAgents() > 0) {
        options.setMaxConcurrentActivityExecutionSize(setup.maxAgents());
      }
      factory.newWorker(hostQueue, options.build()).registerActivitiesImplementations(activities);
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
   * Stops. With a drain period ({@code braid worker}, on SIGTERM) it first stops polling and lets
   * running activities finish for up to that long; then, or at once without one (a worker inside a
   * CLI command), running activities are interrupted, which kills their agents' process trees.
   * Temporal retries an interrupted attempt on the next worker, and the worktree keeps what the
   * agent had written. The metrics endpoint and the span exporter close last.
   */
  @PreDestroy
  public synchronized void stop() {
    if (factory == null) {
      return;
    }
    long drainSeconds = setup.drain().toSeconds();
    if (drainSeconds > 0) {
      log.info(
          "stopping: no new work is taken; running activities have {} s to finish", drainSeconds);
      factory.shutdown();
      factory.awaitTermination(drainSeconds, TimeUnit.SECONDS);
      if (factory.isTerminated()) {
        log.info("stopped: every running activity finished");
      } else {
        log.warn(
            "the drain of {} s is over: interrupting the activities still running (Temporal"
                + " retries them on another worker)",
            drainSeconds);
      }
    }
    factory.shutdownNow();
    factory.awaitTermination(INTERRUPT_WAIT_SECONDS, TimeUnit.SECONDS);
    factory = null;
    try {
      setup.onStopped().close();
    } catch (Exception e) {
      log.warn("closing the worker's metrics and tracing failed: {}", e.toString());
    }
    setup = WorkerSetup.IN_PROCESS;
  }
}
