package dev.braid.config;

import java.util.List;

/**
 * The settings of one run, read from {@code braid.yaml} and overridden by flags. It travels in
 * workflow inputs, so it must never hold a secret: tokens stay in the worker's environment.
 *
 * @param tiers the escalation cascade, cheapest first; never empty
 * @param setup argv lists run in each new worktree
 * @param checks argv lists that must all exit 0 for a task to be done
 * @param maxParallel how many tasks may run at once
 * @param merge how finished work is merged
 * @param onRetry whether a retry keeps the failed attempt's work or starts from the base
 * @param notifyCommand argv run when a task becomes blocked, or empty for none
 * @param resolver the agent given a task's merge conflicts before a human is asked, or null
 * @param cleanup whether a run that ends done removes its worktrees and merged branches and
 *     archives its plan
 * @param hostWaitSeconds how long an activity bound to the host that holds a task's worktree may
 *     wait for that host's worker before the task is prepared again on a host that answers
 * @param copyFiles untracked files of the main checkout copied into each new worktree and kept out
 *     of its commits, such as {@code .env}; paths relative to the repository's root
 * @param rateLimit how a task waits out an agent's rate limit when the agent names no reset time
 * @param budget what the run's agents may spend, per task and in all
 * @param overlap what braid does about tasks that may run together and declare the same files
 * @param github what braid does on GitHub besides pull requests
 */
public record BraidConfig(
    List<AgentTier> tiers,
    List<List<String>> setup,
    List<List<String>> checks,
    int maxParallel,
    MergeSettings merge,
    OnRetry onRetry,
    List<String> notifyCommand,
    AgentTier resolver,
    boolean cleanup,
    long hostWaitSeconds,
    List<String> copyFiles,
    RateLimitSettings rateLimit,
    BudgetSettings budget,
    OverlapPolicy overlap,
    GitHubSettings github) {

  /**
   * How long a task's host may be silent by default: long enough for a worker restart or a laptop
   * waking up, short enough that a host gone for good does not hold its tasks for hours.
   */
  public static final long DEFAULT_HOST_WAIT_SECONDS = 300;

  /** What {@code copyFiles} is when {@code braid.yaml} does not say: the usual dotenv files. */
  public static final List<String> DEFAULT_COPY_FILES = List.of(".env", ".env.local");

  public BraidConfig {
    tiers = List.copyOf(tiers);
    setup = setup.stream().map(List::copyOf).toList();
    checks = checks.stream().map(List::copyOf).toList();
    // Runs started before these settings existed carry no value for them.
    onRetry = onRetry == null ? OnRetry.KEEP : onRetry;
    notifyCommand = notifyCommand == null ? List.of() : List.copyOf(notifyCommand);
    hostWaitSeconds = hostWaitSeconds <= 0 ? DEFAULT_HOST_WAIT_SECONDS : hostWaitSeconds;
    copyFiles = copyFiles == null ? DEFAULT_COPY_FILES : List.copyOf(copyFiles);
    rateLimit = rateLimit == null ? RateLimitSettings.DEFAULTS : rateLimit;
    budget = budget == null ? BudgetSettings.NONE : budget;
    overlap = overlap == null ? OverlapPolicy.DEFAULT : overlap;
    github = github == null ? GitHubSettings.NONE : github;
  }

  /** The settings that every run has had, with the later ones at their defaults. */
  public BraidConfig(
      List<AgentTier> tiers,
      List<List<String>> setup,
      List<List<String>> checks,
      int maxParallel,
      MergeSettings merge,
      OnRetry onRetry,
      List<String> notifyCommand,
      AgentTier resolver,
      boolean cleanup) {
    this(
        tiers,
        setup,
        checks,
        maxParallel,
        merge,
        onRetry,
        notifyCommand,
        resolver,
        cleanup,
        DEFAULT_HOST_WAIT_SECONDS,
        DEFAULT_COPY_FILES,
        RateLimitSettings.DEFAULTS,
        BudgetSettings.NONE,
        OverlapPolicy.DEFAULT,
        GitHubSettings.NONE);
  }
}
