package dev.braid.workflow;

import dev.braid.activity.AgentActivities;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.PreparedWorktree;
import dev.braid.activity.Usage;
import dev.braid.config.AgentTier;
import dev.braid.config.OnRetry;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The escalation cascade of one task: each tier from a starting one, cheapest first, each under the
 * retry policy its settings declare. It counts attempts over every round, so that {@code
 * BRAID_ATTEMPT} keeps growing across a human's retries.
 */
final class Cascade {
  private static final Logger log = Workflow.getLogger(Cascade.class);

  private final TaskRequest request;
  private PreparedWorktree worktree;
  private RateLimitWaits waits = RateLimitWaits.NONE;
  private AttemptBudget budget = new AttemptBudget(null, null);
  private int limitsInARow;
  private Double spentUsd;
  private String resumeSession;
  private final List<String> tiersRun = new ArrayList<>();
  private int attempts;

  Cascade(TaskRequest request, PreparedWorktree worktree) {
    this.request = request;
    this.worktree = worktree;
    if (request.round() != null) {
      attempts = request.round().attemptsBefore();
      tiersRun.addAll(request.round().tiersBefore());
    }
  }

  /** What the task's attempts may spend; the task's workflow sets it before the first. */
  void budget(AttemptBudget attemptBudget) {
    this.budget = attemptBudget;
  }

  AttemptBudget budget() {
    return budget;
  }

  /** Who waits out an agent's rate limit; without one, a limit is waited out at once (legacy). */
  void waitWith(RateLimitWaits rateLimitWaits) {
    this.waits = rateLimitWaits;
  }

  /** The cascade goes on in a worktree prepared again, maybe on another host. */
  void moveTo(PreparedWorktree prepared) {
    this.worktree = prepared;
    // The agent's session is kept where it ran; another host, or a fresh worktree, has none.
    this.resumeSession = null;
  }

  int attempts() {
    return attempts;
  }

  List<String> tiersRun() {
    return List.copyOf(tiersRun);
  }

  /** The index of a tier by name, or 0 (the first) when the name is null or unknown. */
  int tierIndex(String name) {
    List<AgentTier> tiers = request.config().tiers();
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).name().equals(name)) {
        return i;
      }
    }
    return 0;
  }

  /** The agent activity with the tier's retry policy and timeouts, on the worktree's host. */
  private AgentActivities agentOn(AgentTier tier) {
    return agentOn(tier, tier.attempts());
  }

  private AgentActivities agentOn(AgentTier tier, int attemptsLeft) {
    return Workflow.newActivityStub(
        AgentActivities.class,
        io.temporal.activity.ActivityOptions.newBuilder(
                BraidActivityOptions.attempt(
                    worktree.hostTaskQueue(),
                    tier,
                    request.config().checks().size(),
                    request.config().hostWaitSeconds(),
                    attemptsLeft))
            // What the Web UI shows for the activity: the tier and the attempt it starts at.
            .setSummary(
                "attempt " + tier.name() + " #" + (attempts + 1) + " " + request.task().id())
            .build());
  }

  /**
   * Gives a task's merge conflicts, left in its worktree, to the resolver agent: one tier of its
   * own, whose attempt commits the resolution and runs the checks like any attempt.
   */
  CascadeResult resolve(AgentTier resolver, String conflicts) {
    tiersRun.add(resolver.name());
    try {
      AttemptResult result = agentOn(resolver).attempt(attemptRequest(resolver, conflicts, false));
      attempts = result.attempt();
      return new CascadeResult(result, resolver.name(), null);
    } catch (ActivityFailure e) {
      if (FailureText.lostHost(e)) {
        tiersRun.remove(tiersRun.size() - 1);
        return CascadeResult.lostHost(resolver.name());
      }
      attempts += attemptsSpent(e, resolver, 0);
      return new CascadeResult(null, resolver.name(), "resolver: " + FailureText.describe(e));
    }
  }

  /**
   * Runs the tiers from {@code first} on until one succeeds or a failure ends the cascade. A tier
   * whose last attempt was lost with its worker (a heartbeat timeout, or the worker shutting down)
   * runs again: the agent did nothing wrong, and a crash or a detach must not block a task.
   */
  CascadeResult run(int first, String guidance) {
    String tierName = null;
    String failure = null;
    String failureType = null;
    List<AgentTier> tiers = request.config().tiers();
    tiers:
    for (AgentTier tier : tiers.subList(first, tiers.size())) {
      tierName = tier.name();
      int tierStart = attempts;
      int usedInTier = 0;
      int lost = 0;
      while (true) {
        waits.beforeAttempt();
        tiersRun.add(tier.name());
        try {
          AttemptRequest attempt =
              attemptRequest(tier, guidance, request.config().onRetry() == OnRetry.RESET);
          resumeSession = null;
          AttemptResult result = agentOn(tier, tier.attempts() - usedInTier).attempt(attempt);
          attempts = result.attempt();
          limitsInARow = 0;
          return new CascadeResult(result, tier.name(), null);
        } catch (ActivityFailure e) {
          // Only a host's queue has a schedule-to-start limit, which runs recorded before it never
          // had: this branch cannot change how an older history replays.
          if (FailureText.lostHost(e)) {
            tiersRun.remove(tiersRun.size() - 1);
            return CascadeResult.lostHost(tier.name());
          }
          if (rateLimited(e)) {
            // No attempt's fault: the same attempt runs again after the wait, uncounted, and the
            // tier goes on with the attempts it had left.
            tiersRun.remove(tiersRun.size() - 1);
            attempts = FailureText.detailAt(e, 2, Integer.class).orElse(attempts + 1) - 1;
            usedInTier = attempts - tierStart;
            limitsInARow++;
            // The same attempt goes on where the agent stopped, when it said where that was.
            resumeSession =
                FailureText.detailAt(e, 0, Usage.class).map(Usage::sessionId).orElse(null);
            waits.waitOut(
                FailureText.detailAt(e, 1, Long.class).orElse(null),
                limitsInARow,
                FailureText.describe(e));
            continue;
          }
          limitsInARow = 0;
          noteSpend(e);
          attempts += attemptsSpent(e, tier, usedInTier);
          failure = tier.name() + " tier: " + FailureText.describe(e);
          failureType = FailureText.type(e);
          log.info("task {} failed on tier {}: {}", request.task().id(), tier.name(), failure);
          if (AttemptFailure.endsCascade(FailureText.type(e))) {
            break tiers;
          }
          if (!(FailureText.lostWorker(e) && lost < MAX_LOST_WORKERS && retriesLostWorkers())) {
            continue tiers;
          }
          lost++;
        }
      }
    }
    return new CascadeResult(null, tierName, failure, failureType, false);
  }

  /**
   * What the task's attempts cost so far, as far as their agents reported it: a failed attempt's
   * details carry the task's spend after it (then its own usage first), a budget's stop the spend
   * that stopped it. Only read for reports, which no history replays against.
   */
  private void noteSpend(ActivityFailure e) {
    Double spent =
        AttemptFailure.BUDGET_SPENT.equals(FailureText.type(e))
            ? FailureText.detailAt(e, 0, Double.class).orElse(null)
            : FailureText.detailAt(e, 1, Usage.class).map(Usage::costUsd).orElse(null);
    if (spent != null) {
      spentUsd = spentUsd == null ? spent : Math.max(spentUsd, spent);
    }
  }

  /** What the task's attempts cost so far, or null when no agent reported a cost. */
  Double spentUsd() {
    return spentUsd;
  }

  /** The change that made an agent's rate limit a wait rather than a failed attempt. */
  static final String RATE_LIMIT_CHANGE = "rate-limit-waits";

  /**
   * Whether the failure is a rate limit to wait out. Asked only when one happened, which no run
   * recorded before the change met, so older histories replay as they were.
   */
  private boolean rateLimited(ActivityFailure e) {
    return waits != RateLimitWaits.NONE
        && AttemptFailure.AGENT_RATE_LIMITED.equals(FailureText.type(e))
        && Workflow.getVersion(RATE_LIMIT_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /** The change that made a lost worker not count against the tier (see {@link #run}). */
  static final String LOST_WORKER_CHANGE = "lost-worker-reruns-tier";

  /** A tier runs again at most this often for lost workers, in case the loss is not transient. */
  static final int MAX_LOST_WORKERS = 3;

  private static boolean retriesLostWorkers() {
    return Workflow.getVersion(LOST_WORKER_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  private AttemptRequest attemptRequest(AgentTier tier, String guidance, boolean resetOnRetry) {
    return new AttemptRequest(
        request.runId(),
        request.task().id(),
        request.repo(),
        worktree.path(),
        Path.of(request.planDir()).resolve(request.task().file()).toString(),
        tier,
        attempts,
        request.config().checks(),
        guidance,
        worktree.baseCommit(),
        resetOnRetry,
        budget.forAttempts(),
        request.logRun(),
        resumeSession,
        request.taskText());
  }

  /**
   * A failure the retry policy gave up on used all the attempts the tier had left; others ended
   * sooner.
   */
  private static int attemptsSpent(ActivityFailure failure, AgentTier tier, int usedInTier) {
    return switch (failure.getRetryState()) {
      case RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED -> Math.max(1, tier.attempts() - usedInTier);
      default -> 1;
    };
  }
}
