package dev.braid.config;

/**
 * Where and how finished work is merged.
 *
 * @param mode direct, pr or none
 * @param target the branch that receives the work, such as {@code main}
 * @param remote the remote to push to when the repository has it, such as {@code origin}
 * @param repository for pull requests: GitHub's {@code owner/name}, or null to read it from the
 *     remote's URL
 * @param apiUrl for pull requests: GitHub's API base URL, or null for the worker's default
 * @param batch at most this many tasks are merged together and checked once, in one step of the
 *     merge queue; 1 merges one task at a time; 0 (as in settings recorded before batches) means
 *     {@link #DEFAULT_BATCH}
 * @param parallelChecks at most this many merge steps are checked at once: the running step, and
 *     behind it steps checked ahead on top of it (speculatively, as merge queues do); 1 checks one
 *     step at a time; 0 (as in settings recorded before speculation) means {@link
 *     #DEFAULT_PARALLEL_CHECKS}
 */
public record MergeSettings(
    MergeMode mode,
    String target,
    String remote,
    String repository,
    String apiUrl,
    int batch,
    int parallelChecks) {

  /**
   * How many tasks one merge step takes by default. Larger batches save check runs when most merges
   * pass, and cost more bisection steps when one fails; eight keeps a failing batch's bisection to
   * three more steps.
   */
  public static final int DEFAULT_BATCH = 8;

  /** The most tasks one merge step may take, so that a step's checks stay attributable. */
  public static final int MAX_BATCH = 64;

  /**
   * How many merge steps are checked at once by default: the running one and one checked ahead on
   * top of it. Tasks that finish together then wait for one step's checks, not two, and a failing
   * step wastes at most one check run done ahead.
   */
  public static final int DEFAULT_PARALLEL_CHECKS = 2;

  /** The most merge steps checked at once, each in a worktree and a check run of its own. */
  public static final int MAX_PARALLEL_CHECKS = 8;

  /** Settings without GitHub details. */
  public MergeSettings(MergeMode mode, String target, String remote) {
    this(mode, target, remote, null, null, DEFAULT_BATCH, DEFAULT_PARALLEL_CHECKS);
  }

  /** Settings with the default batch. */
  public MergeSettings(
      MergeMode mode, String target, String remote, String repository, String apiUrl) {
    this(mode, target, remote, repository, apiUrl, DEFAULT_BATCH, DEFAULT_PARALLEL_CHECKS);
  }

  /** Settings with the default number of steps checked at once. */
  public MergeSettings(
      MergeMode mode, String target, String remote, String repository, String apiUrl, int batch) {
    this(mode, target, remote, repository, apiUrl, batch, DEFAULT_PARALLEL_CHECKS);
  }

  /** How many tasks one merge step takes. */
  public int batchSize() {
    return batch <= 0 ? DEFAULT_BATCH : batch;
  }

  /** How many merge steps are checked at once. */
  public int checksAtOnce() {
    return parallelChecks <= 0 ? DEFAULT_PARALLEL_CHECKS : parallelChecks;
  }

  /** The same settings with another merge mode. */
  public MergeSettings withMode(MergeMode other) {
    return new MergeSettings(other, target, remote, repository, apiUrl, batch, parallelChecks);
  }
}
