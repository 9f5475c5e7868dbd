package dev.braid.workflow;

/**
 * The names other processes rely on: task queues, id formats, branch and worktree layout, search
 * attribute keys. They are kept in one place because a worker, a CLI and the Web UI must agree on
 * them across versions.
 */
public final class BraidNames {
  /**
   * The shared task queue of runs started before each repository had its own ({@link
   * #repositoryQueue}), and of tests. Workflows use the queue they run on, so a run keeps its queue
   * for good; workers still poll this one, so such runs finish.
   */
  public static final String TASK_QUEUE = "braid";

  /** Search attribute: the plan's name. */
  public static final String SA_PLAN = "BraidPlan";

  /** Search attribute: the run's phase, such as {@code running} or {@code done}. */
  public static final String SA_STATE = "BraidState";

  /** Search attribute: how many tasks are completed. */
  public static final String SA_TASKS_DONE = "BraidTasksDone";

  /** Search attribute: how many tasks are blocked. */
  public static final String SA_TASKS_BLOCKED = "BraidTasksBlocked";

  /**
   * Search attribute on each task's workflow: where the task stands, such as {@code running} or
   * {@code blocked:setup-failed}, so the Web UI's filters find the tasks that wait for a human.
   */
  public static final String SA_TASK_STATE = "BraidTaskState";

  /** Memo key of a run's digest ({@code RunDigest}), readable with no worker. */
  public static final String MEMO_RUN = "braid.run";

  /** Memo key of a task workflow's last report ({@code TaskProgress}), readable with no worker. */
  public static final String MEMO_TASK = "braid.task";

  /** Where task worktrees live, relative to the repository root. */
  public static final String WORKTREES_DIR = "worktrees";

  private BraidNames() {}

  /** The task queue of one host on the legacy shared queue. */
  public static String hostTaskQueue(String host) {
    return hostTaskQueue(TASK_QUEUE, host);
  }

  /**
   * The task queue of one host for one shared queue; activities that touch a task's worktree run
   * there.
   */
  public static String hostTaskQueue(String sharedQueue, String host) {
    return sharedQueue + "@" + host;
  }

  /**
   * The shared task queue of one repository, by its identity (its origin's URL without scheme,
   * credentials and {@code .git}, such as {@code github.com/acme/shop}): a run and its tasks, and
   * the activities any host may run, go there, so a worker only ever gets work of the repository
   * its checkout holds, wherever that checkout lives.
   */
  public static String repositoryQueue(String repositoryId) {
    return TASK_QUEUE + ":" + repositoryId;
  }

  /**
   * The queue of one host's quick file operations: the status writes into the task files of a run
   * that host started. It is apart from {@link #hostTaskQueue}, which {@code --max-agents} bounds,
   * so that a status write never waits behind an agent.
   */
  public static String hostFilesQueue(String sharedQueue, String host) {
    return hostTaskQueue(sharedQueue, host) + "/files";
  }

  /** Whether a task queue is one host's, whose activities need that host's disk. */
  public static boolean isHostQueue(String taskQueue) {
    return taskQueue.contains("@");
  }

  /** The child workflow id of a task: the run id, a slash, the task id. */
  public static String taskWorkflowId(String runId, String taskId) {
    return runId + "/" + taskId;
  }

  /** The branch a task's work is committed to. */
  public static String taskBranch(String taskId) {
    return "feature/" + taskId;
  }

  /** Where a run's logs are kept, relative to the repository root. */
  public static final String LOGS_DIR = ".parallel/logs";

  /**
   * Where a task's logs are written: one file per attempt and manual fix, in the folder of the
   * Temporal run that made them ({@code .parallel/logs/<run>/<temporal run>/<task>}), so that a
   * rerun of the same plan never appends to an earlier run's logs. {@code logRun} is null in runs
   * from before logs were kept per Temporal run, which used {@code .parallel/logs/<run>/<task>}.
   */
  public static String taskLogDir(String repo, String runId, String logRun, String taskId) {
    return runLogDir(repo, runId, logRun) + "/" + taskId;
  }

  /** The folder of one run's logs; see {@link #taskLogDir}. */
  public static String runLogDir(String repo, String runId, String logRun) {
    return repo + "/" + LOGS_DIR + "/" + runId + (logRun == null ? "" : "/" + logRun);
  }

  /** The integration branch that collects a run's merged work before the target moves. */
  public static String integrationBranch(String runId) {
    return "braid/" + runId;
  }
}
