package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activities.git.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code braid cleanup} in this JVM on a real repository with a bare origin, left the way a run
 * leaves it: one task merged, one not.
 */
class CleanupCommandTest {
  @TempDir Path dir;

  private Path repo;
  private Path origin;

  @BeforeEach
  void repositoryAfterARun() throws IOException {
    origin = dir.resolve("origin.git");
    repo = dir.resolve("repo");
    Files.createDirectories(origin);
    Files.createDirectories(repo);
    new GitCli(origin).run("init", "--quiet", "--bare", "-b", "main");
    git("init", "--quiet", "-b", "main");
    git("config", "user.name", "Test User");
    git("config", "user.email", "test@example.com");
    Files.writeString(repo.resolve(".gitignore"), "/worktrees/\n/.parallel/\n");
    git("add", "--all");
    git("commit", "--quiet", "-m", "Initial commit");
    git("remote", "add", "origin", origin.toString());
    git("push", "--quiet", "-u", "origin", "main");
    writePlan();
    for (String id : new String[] {"a", "b"}) {
      Path worktree = repo.resolve("worktrees").resolve(id);
      git("worktree", "add", "--quiet", "-b", "feature/" + id, worktree.toString(), "main");
      Files.writeString(worktree.resolve(id + ".txt"), id + "\n");
      new GitCli(worktree).commitAll("Task " + id);
      git("push", "--quiet", "origin", "feature/" + id);
    }
    git("merge", "--quiet", "--no-ff", "-m", "Merge feature/a", "feature/a");
  }

  @Test
  void removesMergedWorkKeepsUnmergedWorkAndArchivesThePlanThenHasNothingLeft() {
    CliHarness.Result first = CliHarness.run("cleanup", "--repo", repo.toString());

    assertEquals(0, first.exitCode(), first.err());
    Path archive = repo.resolve(".parallel/archive/plans-" + LocalDate.now());
    assertContains(first.out(), "removed worktree  " + repo.resolve("worktrees/a"));
    assertContains(first.out(), "removed worktree  " + repo.resolve("worktrees/b"));
    assertContains(first.out(), "deleted branch    feature/a\n");
    assertContains(first.out(), "deleted branch    origin/feature/a\n");
    assertContains(first.out(), "kept              feature/b: has 1 unmerged commit (not in main)");
    assertContains(first.out(), "plan archived in  " + archive);
    assertFalse(new GitCli(repo).resolve("refs/heads/feature/a").isPresent());
    assertTrue(new GitCli(repo).resolve("refs/heads/feature/b").isPresent());
    assertTrue(new GitCli(origin).resolve("refs/heads/feature/b").isPresent());
    assertTrue(Files.exists(archive.resolve("plan.yaml")));
    assertTrue(Files.exists(repo.resolve(".parallel/plans/plan.yaml")), "the plan stays");

    CliHarness.Result second = CliHarness.run("cleanup", "--repo", repo.toString());

    assertEquals(0, second.exitCode(), second.err());
    assertFalse(second.out().contains("removed worktree"), second.out());
    assertFalse(second.out().contains("deleted branch"), second.out());
    assertContains(second.out(), "kept              feature/b: has 1 unmerged commit");
    assertContains(second.out(), "plan archived in  " + archive);
  }

  @Test
  void noArchiveLeavesTheArchiveOut() {
    CliHarness.Result r = CliHarness.run("cleanup", "--repo", repo.toString(), "--no-archive");

    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.out().contains("archived"), r.out());
    assertFalse(Files.exists(repo.resolve(".parallel/archive")));
  }

  @Test
  void aTargetThatDoesNotExistIsBadUsageAndChangesNothing() {
    CliHarness.Result r = CliHarness.run("cleanup", "--repo", repo.toString(), "--target", "trunk");

    assertEquals(ExitCodes.USAGE, r.exitCode());
    assertContains(r.err(), "'trunk' does not exist");
    assertTrue(Files.exists(repo.resolve("worktrees/a/.git")));
    assertTrue(new GitCli(repo).resolve("refs/heads/feature/a").isPresent());
  }

  @Test
  void theRunIdNamesTheIntegrationBranchToDelete() {
    git("branch", "braid/my-run", "main");

    // The plan is named, so the run's own input is not needed: no server is asked.
    CliHarness.Result r =
        CliHarness.run(
            "cleanup",
            "my-run",
            "--repo",
            repo.toString(),
            "--plan",
            repo.resolve(".parallel/plans").toString());

    assertEquals(0, r.exitCode(), r.err());
    assertContains(r.out(), "Cleanup of run my-run");
    assertContains(r.out(), "deleted branch    braid/my-run");
  }

  private void writePlan() throws IOException {
    Path plan = repo.resolve(".parallel/plans");
    Files.createDirectories(plan.resolve("tasks"));
    Files.writeString(
        plan.resolve("plan.yaml"),
        """
        metadata: {name: cleanup demo}
        tasks:
          - {id: a, name: A, file: tasks/a.md, priority: high, dependencies: []}
          - {id: b, name: B, file: tasks/b.md, priority: high, dependencies: []}
        """);
    for (String id : new String[] {"a", "b"}) {
      Files.writeString(
          plan.resolve("tasks/" + id + ".md"),
          "---\nid: " + id + "\npriority: high\nstatus: completed\n---\n\n# " + id + "\n");
    }
  }

  private String git(String... args) {
    return new GitCli(repo).run(args);
  }

  private static void assertContains(String text, String part) {
    assertTrue(text.contains(part), "expected «" + part + "» in:\n" + text);
  }
}
