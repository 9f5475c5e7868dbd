package dev.braid.starter.run;

import dev.braid.activities.secrets.SecretMask;
import dev.braid.config.BraidConfig;
import dev.braid.plan.Plan;
import dev.braid.starter.config.ConfigLoader;
import dev.braid.starter.config.ConfigOverrides;
import dev.braid.starter.config.WorkerGrants;
import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.SearchAttributeRegistrar;
import dev.braid.starter.temporal.TemporalConnector;
import dev.braid.starter.temporal.WorkerHost;
import dev.braid.starter.temporal.WorkerMode;
import dev.braid.starter.temporal.WorkerPresence;
import dev.braid.workflow.BraidNames;
import dev.braid.workflow.RunRequest;
import io.temporal.api.enums.v1.TaskQueueType;
import org.springframework.stereotype.Component;

/**
 * The engine behind {@code execute}, {@code status} and {@code demo}: everything is checked before
 * anything is created, then the run is started or found, with a worker in this process when braid
 * embeds its own server.
 */
@Component
public class RunSession {
  private final TemporalConnector connector;
  private final WorkerHost worker;

  public RunSession(TemporalConnector connector, WorkerHost worker) {
    this.connector = connector;
    this.worker = worker;
  }

  /** Reads the config; throws with every problem when it cannot be used. */
  public BraidConfig config(Workspace workspace, ConfigOverrides overrides) {
    BraidConfig config =
        ConfigLoader.load(
            workspace.configFile(), workspace.configNamed(), workspace.currentBranch(), overrides);
    return config;
  }

  /** Starts the plan's run, or attaches to it when it is already going. */
  public StartedRun start(Workspace workspace, Plan plan, BraidConfig config, WorkerMode mode) {
    return start(workspace, plan, config, mode, false);
  }

  /**
   * Starts the plan's run, attaches to it when it is going, or finds it done; with {@code rerun} a
   * done plan runs again. The worker starts only when a run is to be followed, so finding a plan
   * done costs no worker.
   */
  public StartedRun start(
      Workspace workspace, Plan plan, BraidConfig config, WorkerMode mode, boolean rerun) {
    String runId = RunIds.forPlan(workspace.repo(), workspace.planDir(), plan.name());
    Connection connection = connect(workspace, WorkerMode.NONE);
    String queue = queueOf(workspace);
    // On a cluster the run moves only with a braid worker: say so now, before anything starts.
    requireWorkers(connection, mode, queue);
    // The plan travels in the input, and task-file statuses come back to this host's queue.
    RunRequest request =
        new RunRequest(
            workspace.repo().toString(),
            workspace.planDir().toString(),
            config,
            null,
            PlanSnapshots.of(
                plan, SecretMask.ofProcess(WorkerGrants.secretNames(workspace.repo()))),
            WorkerHost.hostName());
    Launch launch = RunLauncher.launch(connection, runId, request, plan, rerun, queue);
    if (launch.kind() != LaunchKind.ALREADY_DONE) {
      startWorker(workspace, connection, mode);
    }
    return new StartedRun(runId, launch, connection, workspace.repo(), workspace.planDir());
  }

  /**
   * Runs as much of a worker in this process as the command needs, on the embedded server. Its
   * environment grants and notify command come from the workspace's own {@code braid.yaml}, read on
   * the worker's side, never from a run's input.
   */
  public void startWorker(Workspace workspace, Connection connection, WorkerMode mode) {
    String queue = queueOf(workspace);
    if (connection.embedded()) {
      worker.start(
          connection,
          mode,
          WorkerGrants.of(workspace.configFile(), workspace.configNamed()),
          WorkerGrants.notifyCommand(workspace.configFile(), workspace.configNamed()),
          queue,
          workspace.repo());
    } else {
      requireWorkers(connection, mode, queue);
    }
  }

  /** The task queue of the workspace's repository: its runs go there, and its workers poll it. */
  public static String queueOf(Workspace workspace) {
    return BraidNames.repositoryQueue(RepositoryIdentity.of(workspace.repo()));
  }

  /**
   * On a cluster, a command that needs a worker finds one polling or fails at once, naming what to
   * start: a query, an update or a run's next step would otherwise wait for a worker that never
   * comes. The embedded server's worker runs in this process, so it needs no check.
   */
  private static void requireWorkers(Connection connection, WorkerMode mode, String queue) {
    if (connection.embedded() || mode == WorkerMode.NONE) {
      return;
    }
    WorkerPresence.require(connection, queue, TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW);
    if (mode == WorkerMode.FULL) {
      WorkerPresence.require(connection, queue, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY);
    }
  }

  /**
   * Connects for a command that only reads what Temporal stores: no worker, no search attributes
   * registered (reading upserts none), and the embedded server's quick check.
   */
  public Connection connectToRead(Workspace workspace) {
    return connector.connectToRead(workspace.repo());
  }

  /**
   * Reads where Temporal is (the flags, the environment, the profile file) and refuses what is
   * wrong there, such as a {@code --profile} no file has: a command checks it before it writes
   * anything, where connecting would find it only later.
   */
  public void checkTemporalSettings() {
    connector.settings();
  }

  /** Whether nothing names a Temporal service, so braid runs its own for the repository. */
  public boolean embedded() {
    return connector.embedded();
  }

  /** Connects, running as much of a worker in this process as the command needs. */
  public Connection connect(Workspace workspace, WorkerMode mode) {
    Connection connection = connector.connect(workspace.repo());
    // Also on the embedded server: one started by an older braid lacks the newer attributes, and
    // a workflow that upserts an unknown attribute cannot go on.
    SearchAttributeRegistrar.ensure(connection);
    startWorker(workspace, connection, mode);
    return connection;
  }
}
