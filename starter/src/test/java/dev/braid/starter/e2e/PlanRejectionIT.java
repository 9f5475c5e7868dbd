package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.testsupport.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan that fails validation creates nothing: no server, no workflow, no worktree, no branch. */
@Tag("e2e")
class PlanRejectionIT {
  @TempDir Path repo;

  @Test
  void badPlanIsRefusedWithEveryProblemAndNothingIsCreated() throws Exception {
    Git.run(repo, "init", "--quiet", "-b", "main");
    Git.run(
        repo,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@t",
        "commit",
        "--quiet",
        "--allow-empty",
        "-m",
        "init");
    Path tasks = Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
    Files.writeString(
        repo.resolve(".parallel/plans/plan.yaml"),
        """
        metadata:
          name: broken
        tasks:
          - {id: "../../etc", name: Escape, file: tasks/a.md, priority: high}
          - {id: "-rf", name: Flag, file: tasks/b.md, priority: urgent}
          - {id: loop-1, name: One, file: tasks/c.md, dependencies: [loop-2]}
          - {id: loop-2, name: Two, file: tasks/d.md, dependencies: [loop-1, ghost]}
          - {id: missing, name: Missing, file: tasks/nope.md}
        """);
    for (String name : new String[] {"a", "b", "c", "d"}) {
      Files.writeString(tasks.resolve(name + ".md"), "# " + name + "\n");
    }

    BraidProcess.Result result = BraidProcess.run(repo, "execute");

    assertEquals(2, result.exitCode(), result.toString());
    String err = result.err();
    assertTrue(err.contains("'../../etc'"), err);
    assertTrue(err.contains("'-rf'"), err);
    assertTrue(err.contains("priority"), err);
    assertTrue(
        err.contains("loop-1 -> loop-2 -> loop-1") || err.contains("loop-2 -> loop-1 -> loop-2"),
        err);
    assertTrue(err.contains("ghost"), err);
    assertTrue(err.contains("tasks/nope.md"), err);
    assertFalse(Files.exists(repo.resolve(".parallel/temporal")), "no server was started");
    assertFalse(Files.exists(repo.resolve("worktrees")), "no worktree was created");
    assertEquals("main", Git.run(repo, "branch", "--format=%(refname:short)"));

    BraidProcess.Result validate = BraidProcess.run(repo, "plan", "validate");
    assertEquals(2, validate.exitCode(), validate.toString());
  }
}
