package dev.braid.activities.agent;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.ManualWorkRequest;
import dev.braid.activity.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A human's manual fix of a blocked task: commit what they left in the worktree, then run the
 * checks, exactly as after an agent's attempt but with no agent. A failing check is final, because
 * only the human can change the outcome.
 */
final class ManualWork {
  private static final Logger log = LoggerFactory.getLogger(ManualWork.class);
  private static final int TAIL_BYTES = 4000;
  private static final int MESSAGE_CHARS = 500;

  /**
   * A manual fix has no tier whose timeout could bound a check, so one that hangs is stopped here;
   * the activity's own start-to-close timeout usually stops it sooner.
   */
  private static final Duration CHECK_TIMEOUT = Duration.ofHours(2);

  private final ProcessRunner runner;
  private final ManualWorkRequest r;
  private final AttemptContext context;

  ManualWork(ProcessRunner runner, ManualWorkRequest r, AttemptContext context) {
    this.runner = runner;
    this.r = r;
    this.context = context;
  }

  AttemptResult run() throws IOException {
    Path worktree = Path.of(r.worktree());
    if (!Files.isDirectory(worktree)) {
      throw Failures.nonRetryable(
          "worktree " + worktree + " does not exist on this host", AttemptFailure.WORKTREE_FAILED);
    }
    Preconditions.checks(r.checks());
    GitCli git = new GitCli(worktree, runner);
    AttemptState state = AttemptState.open(git);
    // The last rendered prompt, if any attempt left one, so that a check may still name it.
    Placeholders placeholders =
        new Placeholders(
            state.read(state.prompt()).orElse(""), state.prompt(), r.taskId(), worktree);
    List<List<String>> checks =
        r.checks().stream().map(c -> placeholders.apply(c, "check " + Argv.display(c))).toList();
    Preconditions.checkPrograms(checks, worktree);

    git.clearStaleIndexLock();
    Optional<String> committed = git.commitAll(AttemptMessages.manualCommit(r.taskId()));
    String head = git.head();
    log.info(
        "task {}: manual fix {} at {}",
        r.taskId(),
        committed.isPresent() ? "committed" : "had nothing left to commit",
        head);

    AttemptLog out = AttemptLog.manual(Path.of(r.repo()), r.runId(), r.logRun(), r.taskId());
    out.header("manual fix of " + r.taskId() + " at " + head + ", " + checks.size() + " checks");
    Optional<CheckFailure> failed =
        new CheckRunner(
                runner,
                worktree,
                AgentEnvironment.manual(r.runId(), r.taskId()),
                out,
                CHECK_TIMEOUT,
                state.pidFile())
            .firstFailure(
                checks, i -> heartbeat("manual check " + i + "/" + checks.size()), TAIL_BYTES);
    if (failed.isPresent()) {
      CheckFailure f = failed.get();
      String ending = f.ending(HumanDuration.format(CHECK_TIMEOUT));
      log.warn("task {}: manual fix failed: a check ended with {}", r.taskId(), ending);
      throw Failures.nonRetryable(
          "after the manual fix, check `"
              + Argv.display(f.command())
              + "` failed with "
              + ending
              + ": "
              + AttemptMessages.lastChars(f.tail().strip(), MESSAGE_CHARS)
              + "; log: "
              + out.file(),
          AttemptFailure.CHECKS_FAILED);
    }
    log.info("task {}: manual fix passed the checks at {}", r.taskId(), head);
    return new AttemptResult(0, head, Usage.unknown(), out.file().toString());
  }

  private Heartbeat heartbeat(String phase) {
    context.heartbeat(new AttemptProgress(0, phase, 0));
    return elapsed -> context.heartbeat(new AttemptProgress(0, phase, elapsed));
  }
}
