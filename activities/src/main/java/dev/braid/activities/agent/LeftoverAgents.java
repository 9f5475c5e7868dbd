package dev.braid.activities.agent;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.git.GitException;
import dev.braid.activities.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops what an attempt left running in a task's worktree when its worker was lost: the agent or
 * check, with its whole process group, found through the attempt's pid file. Nothing of the lost
 * worker can stop it, and a run that ends without another attempt in that worktree (cancelled, or
 * ended another way) would otherwise leave it working there for as long as it likes.
 */
public final class LeftoverAgents {
  private static final Logger log = LoggerFactory.getLogger(LeftoverAgents.class);

  private LeftoverAgents() {}

  /**
   * Kills the process group recorded for the worktree, if one still runs. Idempotent: the pid file
   * goes with the kill, and a worktree that is gone, or is no worktree, is skipped.
   */
  public static void stop(ProcessRunner runner, Path worktree) {
    if (!Files.isDirectory(worktree)) {
      return;
    }
    Path gitDir;
    try {
      gitDir = new GitCli(worktree, runner).gitDir();
    } catch (GitException e) {
      return;
    }
    Path pidFile = AttemptState.pidFileIn(gitDir);
    if (Files.exists(pidFile)) {
      log.info("Stopping what a lost attempt left running in {}", worktree);
      runner.killLeftover(pidFile);
    }
  }
}
