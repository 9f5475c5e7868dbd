package dev.braid.activities.agent;

import dev.braid.activities.files.LocalCheckout;
import dev.braid.activities.git.GitCli;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AgentActivities;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.ManualWorkRequest;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt of a task: the agent, a commit of what it left, then the checks. Also accepts a
 * human's manual fix, which is the same without the agent.
 *
 * <p><b>Idempotency.</b> The attempt's number is {@code attemptsBefore} plus the activity's own
 * attempt, so every execution of this activity is a new attempt with its own log. A successful
 * attempt writes its result to {@code result-<n>.json} in the task's state directory before it
 * returns. When Temporal runs the activity again because that completion was lost (the worker
 * crashed after the attempt succeeded), the recorded result of this tier's latest successful
 * attempt is returned without running the agent again, provided it belongs to the same run and the
 * worktree's head is still the recorded commit. Before any process starts, the process group that a
 * crashed worker may have left running for the task (recorded in {@code agent.pid}) is killed. A
 * failed attempt changes nothing but the worktree the agent worked in: its uncommitted work stays
 * for the next attempt, next to {@code feedback-<n+1>.txt}, which says why it failed.
 *
 * <p>With {@code resetOnRetry}, attempt {@code n > 1} first puts the worktree back at the task's
 * base commit, clean, but never drops the previous attempt's work: its leftovers are committed and
 * its head is kept as {@code refs/braid/attempts/<task>/<n-1>} before the reset (see {@link
 * BaseReset}). Repeating this is safe: a tree already clean at the base is left alone, and a saved
 * ref is never overwritten with a commit that does not contain it.
 *
 * <p>Failures are typed by {@link AttemptFailure}. A cancelled or timed-out activity, seen when a
 * heartbeat throws, kills the running process tree and propagates unchanged.
 */
public final class AgentActivitiesImpl implements AgentActivities {
  private static final Logger log = LoggerFactory.getLogger(AgentActivitiesImpl.class);

  private final ProcessRunner runner;
  private final Supplier<AttemptContext> contexts;
  private final AgentUsageListener usage;
  private final LocalCheckout checkout;

  /** The production activity, reading its context from the running Temporal activity. */
  public AgentActivitiesImpl() {
    this(new ProcessRunner(), TemporalAttemptContext::current);
  }

  /** Runs agents and checks with the given runner, which carries the worker's environment rule. */
  public AgentActivitiesImpl(ProcessRunner runner) {
    this(runner, TemporalAttemptContext::current);
  }

  /**
   * @param runner runs the agent, the checks and git
   * @param contexts gives the context of the attempt being run, called on the attempt's thread
   */
  public AgentActivitiesImpl(ProcessRunner runner, Supplier<AttemptContext> contexts) {
    this(runner, contexts, AgentUsageListener.NONE);
  }

  /**
   * Runs agents and checks with the given runner, telling {@code usage} what each agent run
   * reported (the worker's metrics).
   */
  public AgentActivitiesImpl(ProcessRunner runner, AgentUsageListener usage) {
    this(runner, TemporalAttemptContext::current, usage);
  }

  /** As {@link #AgentActivitiesImpl(ProcessRunner, AgentUsageListener)}, in {@code checkout}. */
  public AgentActivitiesImpl(
      ProcessRunner runner, AgentUsageListener usage, LocalCheckout checkout) {
    this(runner, TemporalAttemptContext::current, usage, checkout);
  }

  /**
   * @param runner runs the agent, the checks and git
   * @param contexts gives the context of the attempt being run, called on the attempt's thread
   * @param usage hears what each agent run reported it consumed
   */
  public AgentActivitiesImpl(
      ProcessRunner runner, Supplier<AttemptContext> contexts, AgentUsageListener usage) {
    this(runner, contexts, usage, LocalCheckout.UNKNOWN);
  }

  /**
   * @param checkout this worker's checkout: a run started from a checkout elsewhere has its task
   *     file read, and its logs written, in this one
   */
  public AgentActivitiesImpl(
      ProcessRunner runner,
      Supplier<AttemptContext> contexts,
      AgentUsageListener usage,
      LocalCheckout checkout) {
    this.runner = runner;
    this.contexts = contexts;
    this.usage = usage;
    this.checkout = checkout;
  }

  /**
   * Runs the attempt; idempotent as the class says. The task file and the log folder are read in
   * this worker's checkout ({@link LocalCheckout}).
   */
  @Override
  public AttemptResult attempt(AttemptRequest given) {
    AttemptRequest r = checkout.local(given);
    AttemptContext context = contexts.get();
    int n = r.attemptsBefore() + context.activityAttempt();
    Preconditions.commands(r);
    Path worktree = Path.of(r.worktree());
    if (!Files.isDirectory(worktree)) {
      throw Failures.nonRetryable(
          "worktree " + worktree + " does not exist on this host", AttemptFailure.WORKTREE_FAILED);
    }
    try {
      GitCli git = new GitCli(worktree, runner);
      AttemptState state = AttemptState.open(git);
      Optional<AttemptResult> done = recorded(state, r, n, git);
      if (done.isPresent()) {
        log.info(
            "task {}: attempt {} already succeeded, returning its record for attempt {}",
            r.taskId(),
            done.get().attempt(),
            n);
        return done.get();
      }
      try {
        return new AttemptRun(runner, r, n, worktree, context, git, state, usage).run();
      } catch (ApplicationFailure failed) {
        throw SpentSoFar.added(failed, state.usageOf(1, n));
      }
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  /**
   * Commits a human's manual fix and runs the checks ({@code unblock --done}).
   *
   * <p><b>Idempotency.</b> Committing a tree that is already committed does nothing, and checks are
   * read-only by contract, so a repeat commits nothing new and runs the checks again, into a log of
   * its own ({@code manual-<k>.log}).
   *
   * @return attempt 0, the head after the commit, unknown usage and the checks' log
   * @throws io.temporal.failure.ApplicationFailure non-retryable {@link
   *     AttemptFailure#CHECKS_FAILED} with the check and the end of its output when a check fails;
   *     {@link AttemptFailure#BAD_CONFIG} for a malformed or missing check; {@link
   *     AttemptFailure#WORKTREE_FAILED} when the worktree is not on this host
   */
  @Override
  public AttemptResult acceptManualWork(ManualWorkRequest r) {
    try {
      return new ManualWork(runner, checkout.local(r), contexts.get()).run();
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  /** The latest success this tier recorded for this run, if the worktree still holds it. */
  private static Optional<AttemptResult> recorded(
      AttemptState state, AttemptRequest r, int n, GitCli git) {
    for (int m = n; m > r.attemptsBefore(); m--) {
      Optional<RecordedAttempt> record = state.recorded(m);
      if (record.isPresent()
          && r.runId().equals(record.get().runId())
          && git.head().equals(record.get().result().headCommit())) {
        return Optional.of(record.get().result());
      }
    }
    return Optional.empty();
  }
}
