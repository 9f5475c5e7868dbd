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
 * @param copyFiles untracked files of the main checkout copied into each new worktree and kept out
 *     of its commits, such as {@code .env}; paths relative to the repository's root
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
    List<String> copyFiles) {

  /** What {@code copyFiles} is when {@code braid.yaml} does not say: the usual dotenv files. */
  public static final List<String> DEFAULT_COPY_FILES = List.of(".env", ".env.local");

  public BraidConfig {
    tiers = List.copyOf(tiers);
    setup = setup.stream().map(List::copyOf).toList();
    checks = checks.stream().map(List::copyOf).toList();
    // Runs started before these settings existed carry no value for them.
    onRetry = onRetry == null ? OnRetry.KEEP : onRetry;
    notifyCommand = notifyCommand == null ? List.of() : List.copyOf(notifyCommand);
    copyFiles = copyFiles == null ? DEFAULT_COPY_FILES : List.copyOf(copyFiles);
  }

  /** The settings without {@code copyFiles}, which then has its default. */
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
        DEFAULT_COPY_FILES);
  }
}
