package dev.braid.activity;

import dev.braid.config.AgentTier;
import java.util.List;

/**
 * One tier's go at a task: run the agent, commit what it left, run the checks. The tier's retry
 * policy repeats it; each repeat is one more attempt.
 *
 * @param runId the run, for the log path
 * @param taskId the task
 * @param repo the main checkout, absolute
 * @param worktree the task's worktree, absolute
 * @param taskFile the task file, absolute
 * @param tier the agent tier
 * @param attemptsBefore attempts already spent on earlier tiers, so that {@code BRAID_ATTEMPT}
 *     counts over all tiers
 * @param checks argv lists that must all exit 0
 * @param guidance a human's guidance for the agent, or null
 * @param baseCommit the commit the task's branch started from
 * @param resetOnRetry whether an attempt after the first starts from {@code baseCommit}, clean,
 *     instead of from what the previous attempt left
 * @param budgetUsd what the task may spend over all its attempts, in US dollars, or null for no
 *     limit: no attempt starts once the earlier ones cost that much
 * @param logRun the Temporal run whose log folder the attempt writes to, or null for the layout of
 *     runs from before logs were kept per Temporal run
 * @param resumeSession the agent's session to resume, when the previous try of this same attempt
 *     was stopped by a rate limit and the agent reported its session; null to start afresh
 * @param taskText the task file's text, carried in the run's input; null when the attempt reads
 *     {@code taskFile} from its host's checkout
 */
public record AttemptRequest(
    String runId,
    String taskId,
    String repo,
    String worktree,
    String taskFile,
    AgentTier tier,
    int attemptsBefore,
    List<List<String>> checks,
    String guidance,
    String baseCommit,
    boolean resetOnRetry,
    Double budgetUsd,
    String logRun,
    String resumeSession,
    String taskText) {

  public AttemptRequest {
    checks = checks.stream().map(List::copyOf).toList();
  }

  /** A request whose attempt reads its task file, as every request did before plans travelled. */
  public AttemptRequest(
      String runId,
      String taskId,
      String repo,
      String worktree,
      String taskFile,
      AgentTier tier,
      int attemptsBefore,
      List<List<String>> checks,
      String guidance,
      String baseCommit,
      boolean resetOnRetry,
      Double budgetUsd,
      String logRun,
      String resumeSession) {
    this(
        runId,
        taskId,
        repo,
        worktree,
        taskFile,
        tier,
        attemptsBefore,
        checks,
        guidance,
        baseCommit,
        resetOnRetry,
        budgetUsd,
        logRun,
        resumeSession,
        null);
  }

  /** A request with no budget, as every request was before budgets. */
  public AttemptRequest(
      String runId,
      String taskId,
      String repo,
      String worktree,
      String taskFile,
      AgentTier tier,
      int attemptsBefore,
      List<List<String>> checks,
      String guidance,
      String baseCommit,
      boolean resetOnRetry) {
    this(
        runId,
        taskId,
        repo,
        worktree,
        taskFile,
        tier,
        attemptsBefore,
        checks,
        guidance,
        baseCommit,
        resetOnRetry,
        null,
        null,
        null,
        null);
  }
}
