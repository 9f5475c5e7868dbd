package dev.braid.activities.agent;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessOutcome;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one attempt, once {@link AgentActivitiesImpl} has decided it must run: render the
 * prompt, reset the worktree to its base when the config asks for it, run the agent, commit its
 * leftovers, run the checks and record the success. Each failing step writes the next attempt's
 * feedback before it throws.
 */
final class AttemptRun {
  private static final Logger log = LoggerFactory.getLogger(AttemptRun.class);
  private static final int FEEDBACK_BYTES = 4000;
  private static final int MESSAGE_CHARS = 500;

  private final ProcessRunner runner;
  private final AttemptRequest r;
  private final int n;
  private final Path worktree;
  private final AttemptContext context;
  private final GitCli git;
  private final AttemptState state;
  private final AgentUsageListener listener;
  private final String label;
  private final Duration timeout;
  private final String timeoutText;

  AttemptRun(
      ProcessRunner runner,
      AttemptRequest r,
      int n,
      Path worktree,
      AttemptContext context,
      GitCli git,
      AttemptState state,
      AgentUsageListener listener) {
    this.runner = runner;
    this.r = r;
    this.n = n;
    this.worktree = worktree;
    this.context = context;
    this.git = git;
    this.state = state;
    this.listener = listener;
    this.label = "attempt " + n + " (" + r.tier().name() + ")";
    this.timeout = Duration.ofSeconds(r.tier().timeoutSeconds());
    this.timeoutText = HumanDuration.format(timeout);
  }

  AttemptResult run() throws IOException {
    // A rate limit stopped this same attempt before: it goes on, rather than starting over.
    Optional<LimitedTries> earlier = state.limitedTries(n, r.runId(), r.logRun());
    String feedback = n > 1 ? feedback() : null;
    if (r.guidance() != null) {
      state.write(state.guidance(), r.guidance());
    } else {
      Files.deleteIfExists(state.guidance());
    }
    String prompt =
        PromptRenderer.render(
            AttemptTaskFile.of(r), r.taskId(), worktree, r.checks(), feedback, r.guidance());
    state.write(state.prompt(), prompt);
    Placeholders placeholders = new Placeholders(prompt, state.prompt(), r.taskId(), worktree);
    List<String> argv =
        placeholders.apply(r.tier().command(), "agent command of tier " + r.tier().name());
    List<List<String>> checks =
        r.checks().stream().map(c -> placeholders.apply(c, "check " + Argv.display(c))).toList();
    Preconditions.runnable(argv, checks, worktree, r.tier().name());
    // What a rate limit's tries of this same attempt spent counts too: they ran, and were billed.
    Usage spent = state.usageOf(1, n - 1);
    if (earlier.isPresent()) {
      spent = n > 1 ? spent.plus(earlier.get().usage()) : earlier.get().usage();
    }
    TaskBudget.check(r.budgetUsd(), spent, n > 1 || earlier.isPresent(), r.taskId());

    var env =
        AgentEnvironment.of(
            r.runId(),
            r.taskId(),
            AttemptTaskFile.path(r, state),
            state.prompt(),
            n,
            r.tier().name(),
            feedback != null ? state.feedback(n) : null,
            r.guidance() != null ? state.guidance() : null);
    // The try a rate limit stopped reset the worktree already, and what it left is this attempt's.
    if (r.resetOnRetry() && n > 1 && earlier.isEmpty()) {
      heartbeat("reset");
      // The previous attempt ran on this tier unless this is the tier's first.
      String previousTier = n - 1 > r.attemptsBefore() ? r.tier().name() : "earlier tier";
      new BaseReset(runner, git, state, r.taskId()).reset(r.baseCommit(), n - 1, previousTier);
    }
    AttemptLog attemptLog =
        AttemptLog.of(Path.of(r.repo()), r.runId(), r.logRun(), r.taskId(), n, r.tier().name());
    state.recordTier(n, r.tier().name());
    Usage usage = runAgent(argv, env, attemptLog, earlier);

    refuseUnresolvedConflicts(usage);
    // The agent run has killed what a lost attempt left working here, so a lock left now is stale.
    git.clearStaleIndexLock();
    git.commitAll(AttemptMessages.commit(r.taskId(), n, r.tier().name()));
    Optional<CheckFailure> failed =
        new CheckRunner(runner, worktree, env, attemptLog, timeout, state.pidFile())
            .firstFailure(
                checks, i -> heartbeat("check " + i + "/" + checks.size()), FEEDBACK_BYTES);
    if (failed.isPresent()) {
      throw checksFailed(failed.get(), usage);
    }
    AttemptResult result =
        new AttemptResult(
            n,
            git.head(),
            state.usageOf(1, n),
            attemptLog.file().toString(),
            state.usageByTier(1, n));
    state.record(n, new RecordedAttempt(r.runId(), r.tier().name(), result));
    log.info("task {}: {} succeeded at {}", r.taskId(), label, result.headCommit());
    return result;
  }

  /**
   * An agent asked to resolve a merge may exit 0 with conflicts left; committing them would record
   * the conflict markers as the task's work, so the attempt fails instead, with the files named.
   */
  private void refuseUnresolvedConflicts(Usage usage) throws IOException {
    List<String> marked = ConflictMarkers.leftIn(git, worktree);
    if (marked.isEmpty()) {
      return;
    }
    String ending = "the agent left merge conflicts unresolved in: " + String.join(" ", marked);
    state.write(state.feedback(n + 1), AttemptMessages.feedback(label, ending, ""));
    throw Failures.retryable(ending, AttemptFailure.AGENT_FAILED, usage);
  }

  /**
   * Runs the agent, resuming its session when a rate limit stopped this attempt and the tier can; a
   * session the CLI does not have means a fresh start with the full prompt. Returns what the
   * attempt used over all its tries, or throws when it did not succeed.
   */
  private Usage runAgent(
      List<String> argv, Map<String, String> env, AttemptLog out, Optional<LimitedTries> earlier)
      throws IOException {
    AgentProcess agent =
        new AgentProcess(runner, worktree, env, out, timeout, state.pidFile(), r.tier());
    Optional<List<String>> resume = SessionResume.argv(r, argv, context.activityAttempt());
    AgentProcess.Ran ran = null;
    String afresh = "";
    if (resume.isPresent()) {
      state.write(state.resumePrompt(), AttemptMessages.resume());
      log.info("task {}: {} resuming the agent's session {}", r.taskId(), label, r.resumeSession());
      ran =
          agent.run(
              resume.get(),
              state.resumePrompt(),
              label + ": agent " + argv.get(0) + ", resuming session " + r.resumeSession(),
              heartbeat("agent"));
      if (!ran.outcome().succeeded()
          && ran.report().rateLimit() == null
          && agent.reader().sessionMissing(ran.lines())) {
        log.warn(
            "task {}: {}: the agent has no session {} here; starting afresh",
            r.taskId(),
            label,
            r.resumeSession());
        afresh = ", afresh: it has no session " + r.resumeSession() + " here";
        ran = null;
      }
    }
    boolean resumed = ran != null;
    if (ran == null) {
      log.info("task {}: {} running agent {}", r.taskId(), label, argv.get(0));
      ran =
          agent.run(
              argv,
              r.tier().promptOnStdin() ? state.prompt() : null,
              label + ": agent " + argv.get(0) + afresh,
              heartbeat("agent"));
    }
    Usage usage = LimitedTries.total(earlier, ran.report().usage(), resumed, agent.reader());
    state.recordUsage(n, usage);
    listener.agentUsed(r.tier().name(), thisTry(earlier, usage));
    if (ran.report().rateLimit() != null) {
      state.recordLimited(n, new LimitedTries(r.runId(), r.logRun(), usage));
      throw rateLimited(ran.report().rateLimit(), usage, out);
    }
    Files.deleteIfExists(state.limited(n));
    ProcessOutcome outcome = ran.outcome();
    if (outcome.succeeded()) {
      return usage;
    }
    String ending =
        outcome.timedOut()
            ? "timed out after " + timeoutText
            : "agent exited with status " + outcome.exitCode();
    state.write(
        state.feedback(n + 1),
        AttemptMessages.feedback(label, ending, out.since(ran.from(), FEEDBACK_BYTES)));
    log.warn("task {}: {} failed: {}", r.taskId(), label, ending);
    throw Failures.retryable(
        (outcome.timedOut() ? "agent " : "") + ending + "; log: " + out.file(),
        outcome.timedOut() ? AttemptFailure.AGENT_TIMED_OUT : AttemptFailure.AGENT_FAILED,
        usage);
  }

  /**
   * What the last try used on its own: the attempt's usage less what the tries before a rate-limit
   * wait used, which were heard when they ran. A field is unknown when either side lacks it.
   */
  private static Usage thisTry(Optional<LimitedTries> earlier, Usage attempt) {
    if (earlier.isEmpty()) {
      return attempt;
    }
    Usage before = earlier.get().usage();
    return new Usage(
        attempt.costUsd() == null || before.costUsd() == null
            ? null
            : attempt.costUsd() - before.costUsd(),
        attempt.inputTokens() == null || before.inputTokens() == null
            ? null
            : attempt.inputTokens() - before.inputTokens(),
        attempt.outputTokens() == null || before.outputTokens() == null
            ? null
            : attempt.outputTokens() - before.outputTokens(),
        attempt.turns() == null || before.turns() == null ? null : attempt.turns() - before.turns(),
        attempt.sessionId());
  }

  /**
   * The provider refused the agent for a rate or usage limit, whatever its exit status: the work
   * did not happen, and the next attempt should get the same prompt, not a failure to fix.
   */
  private RuntimeException rateLimited(RateLimit limit, Usage usage, AttemptLog out)
      throws IOException {
    String ending =
        "the agent hit a rate or usage limit"
            + (limit.resetAtMillis() != null
                ? " until " + Instant.ofEpochMilli(limit.resetAtMillis())
                : "")
            + ": "
            + AttemptMessages.lastChars(limit.message().strip(), MESSAGE_CHARS);
    state.write(state.feedback(n + 1), AttemptMessages.feedback(label, ending, ""));
    log.warn("task {}: {} rate limited: {}", r.taskId(), label, ending);
    return Failures.rateLimited(ending + "; log: " + out.file(), usage, limit.resetAtMillis(), n);
  }

  private RuntimeException checksFailed(CheckFailure f, Usage usage) throws IOException {
    String command = Argv.display(f.command());
    String ending = f.ending(timeoutText);
    state.write(
        state.feedback(n + 1),
        AttemptMessages.feedback(
            label, "the check `" + command + "` ended with " + ending, f.tail()));
    log.warn("task {}: {} failed: a check ended with {}", r.taskId(), label, ending);
    return Failures.retryable(
        "check `"
            + command
            + "` failed with "
            + ending
            + ": "
            + AttemptMessages.lastChars(f.tail().strip(), MESSAGE_CHARS),
        AttemptFailure.CHECKS_FAILED,
        usage);
  }

  /** The previous attempt's feedback; an attempt that left none was cut off by its worker. */
  private String feedback() throws IOException {
    Optional<String> written = state.read(state.feedback(n));
    if (written.isPresent()) {
      return written.get();
    }
    String lost = AttemptMessages.lostFeedback(n - 1, !r.resetOnRetry());
    state.write(state.feedback(n), lost);
    return lost;
  }

  private Heartbeat heartbeat(String phase) {
    context.heartbeat(new AttemptProgress(n, phase, 0));
    return elapsed -> context.heartbeat(new AttemptProgress(n, phase, elapsed));
  }
}
