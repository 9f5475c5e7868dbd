package dev.braid.activities.cleanup;

import dev.braid.activities.git.GitCli;
import dev.braid.activities.process.Heartbeat;
import dev.braid.activities.process.ProcessRunner;
import dev.braid.activity.CleanupRequest;
import dev.braid.activity.CleanupResult;
import dev.braid.plan.SafeId;
import dev.braid.workflow.BraidNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tidies a repository after a run: the tasks' worktrees and merged branches, locally and on the
 * remote, the run's integration worktree and branch, stale worktree records, and an archived copy
 * of the plan. The rule throughout is that nothing holding work goes: a worktree with uncommitted
 * changes stays with its branch, and a branch stays unless the target contains every commit of it.
 *
 * <p>Every step looks at what is there before it acts, so running it again does nothing more. It is
 * the engine of both {@code braid cleanup} and the cleanup activity.
 */
public final class RunCleaner {
  private static final Logger log = LoggerFactory.getLogger(RunCleaner.class);

  private final ProcessRunner runner;
  private final Heartbeat heartbeat;

  /** A cleaner for use outside an activity, such as the CLI's. */
  public RunCleaner() {
    this(new ProcessRunner(), Heartbeat.NONE);
  }

  /**
   * @param heartbeat beaten after each task and while git runs, so that an activity stays alive and
   *     learns when it is cancelled
   */
  public RunCleaner(ProcessRunner runner, Heartbeat heartbeat) {
    this.runner = runner;
    this.heartbeat = heartbeat;
  }

  /**
   * Cleans up after the run. Idempotent: a second call finds nothing left to do and returns empty
   * lists, except for what is still kept (with the same reasons), and the same archive.
   *
   * @throws IllegalArgumentException when a task id is unsafe as a path, or the target does not
   *     exist: without the target nothing can be shown to be merged
   */
  public CleanupResult clean(CleanupRequest request) {
    Path repo = Path.of(request.repo()).toAbsolutePath().normalize();
    GitCli main = new GitCli(repo, runner, heartbeat);
    check(request, main, repo);
    long start = System.nanoTime();
    String integrationBranch = BraidNames.integrationBranch(request.runId());
    List<String> branches = new ArrayList<>();
    request.taskIds().forEach(id -> branches.add(BraidNames.taskBranch(id)));
    branches.add(integrationBranch);
    Sweep sweep =
        new Sweep(
            new BranchSweeper(main, request.target()),
            RemoteBranches.read(main, request.remote(), branches),
            request.target());
    WorktreeSweeper worktrees = new WorktreeSweeper(main);
    // A record whose folder was deleted by hand still counts as checking its branch out.
    main.run("worktree", "prune");

    Path worktreesDir = repo.resolve(BraidNames.WORKTREES_DIR);
    for (String id : request.taskIds()) {
      Path path = worktreesDir.resolve(id);
      sweep.worktree(path.toString(), worktrees.removeIfClean(path), BraidNames.taskBranch(id));
      heartbeat.beat((System.nanoTime() - start) / 1_000_000);
    }
    for (Path path :
        IntegrationWorktrees.of(main, worktreesDir, integrationBranch, request.runId())) {
      sweep.removedOnly(path.toString(), worktrees.removeOwn(path));
    }
    sweep.branch(integrationBranch);

    CleanupResult result = sweep.result(archive(request, repo));
    log.info(
        "Cleanup of {}: removed {} worktree(s), deleted {} branch(es), kept {}",
        request.runId(),
        result.removedWorktrees().size(),
        result.deletedBranches().size(),
        result.keptBranches());
    return result;
  }

  private static void check(CleanupRequest request, GitCli main, Path repo) {
    for (String id : request.taskIds()) {
      SafeId.problem(id)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException("task id '" + id + "' " + problem);
              });
    }
    if (request.target() == null || main.resolve("refs/heads/" + request.target()).isEmpty()) {
      throw new IllegalArgumentException(
          "the target branch '"
              + request.target()
              + "' does not exist in "
              + repo
              + "; cleanup needs it to tell merged branches from unmerged ones");
    }
  }

  private static String archive(CleanupRequest request, Path repo) {
    if (!request.archive() || request.planDir() == null) {
      return null;
    }
    Path planDir = Path.of(request.planDir()).toAbsolutePath().normalize();
    return PlanArchiver.archive(repo, planDir, request.date()).map(Path::toString).orElse(null);
  }
}
