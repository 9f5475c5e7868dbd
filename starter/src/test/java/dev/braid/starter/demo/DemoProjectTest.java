package dev.braid.starter.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo template is a real project: it starts green, and every task's scripted agent adds code
 * whose tests pass (and whose scripted mishaps happen as the task file says).
 */
class DemoProjectTest {
  private static final List<String> UNITTEST =
      List.of("python3", "-m", "unittest", "discover", "-s", "tests");
  private static final Pattern RAN = Pattern.compile("Ran (\\d+) tests?");

  @TempDir Path tmp;

  @Test
  void createsACommittedRepositoryWhoseTestsPass() throws Exception {
    Path repo = DemoProject.create(tmp.resolve("demo"), Subprocess.braidHome());

    assertEquals("1", DemoGit.run(repo, "rev-list", "--count", "HEAD").strip());
    assertEquals("main", DemoGit.run(repo, "branch", "--show-current").strip());
    assertEquals("", DemoGit.run(repo, "status", "--porcelain"), "everything is committed");
    assertTrue(Files.isRegularFile(repo.resolve(".gitignore")));
    assertTrue(Files.isRegularFile(repo.resolve(".parallel/plans/plan.yaml")));
    assertEquals(6, taskFiles(repo).size());
    String config = Files.readString(repo.resolve("braid.yaml"));
    String agent = Subprocess.braidHome().resolve(DemoProject.SCRIPTED_AGENT).toString();
    assertTrue(config.contains("[\"" + agent + "\"]"), config);
    assertFalse(config.contains("{{"), "every placeholder is substituted");

    Subprocess.Result tests = unittest(repo);
    assertEquals(0, tests.exit(), tests.output());
  }

  @Test
  void everyTasksScriptedAgentAddsPassingTests() throws Exception {
    Path repo = DemoProject.create(tmp.resolve("demo"), Subprocess.braidHome());
    int before = testsRun(unittest(repo));
    for (Path task : taskFiles(repo)) {
      Path worktree = copy(repo, tmp.resolve("worktree-" + task.getFileName()));
      // Attempt 9 on the strong tier gets past every scripted failure of the template.
      Subprocess.Result agent = agent(worktree, task, 9, "strong");
      assertEquals(0, agent.exit(), task + ":\n" + agent.output());
      Subprocess.Result tests = unittest(worktree);
      assertEquals(0, tests.exit(), task + ":\n" + tests.output());
      assertTrue(testsRun(tests) > before, task + " adds tests:\n" + tests.output());
    }
  }

  @Test
  void theScriptedMishapsHappenAsTheTaskFilesSay() throws Exception {
    Path repo = DemoProject.create(tmp.resolve("demo"), Subprocess.braidHome());
    Path tasks = repo.resolve(DemoProject.PLAN_DIR).resolve("tasks");

    Path buggy = copy(repo, tmp.resolve("buggy"));
    assertEquals(0, agent(buggy, tasks.resolve("task-2.md"), 1, "fast").exit());
    assertNotEquals(0, unittest(buggy).exit(), "task-2's first attempt fails the checks");

    assertEquals(
        1, agent(copy(repo, tmp.resolve("retry")), tasks.resolve("task-3.md"), 1, "fast").exit());
    assertEquals(
        1, agent(copy(repo, tmp.resolve("esc")), tasks.resolve("task-5.md"), 2, "fast").exit());
  }

  @Test
  void refusesAFolderThatIsNotEmpty() throws IOException {
    Files.writeString(tmp.resolve("keep.txt"), "mine");
    DemoException e =
        assertThrows(DemoException.class, () -> DemoProject.create(tmp, Subprocess.braidHome()));
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    assertEquals("mine", Files.readString(tmp.resolve("keep.txt")));
  }

  @Test
  void refusesABraidHomeWithoutTheScriptedAgent() {
    DemoException e =
        assertThrows(DemoException.class, () -> DemoProject.create(tmp.resolve("demo"), tmp));
    assertTrue(e.getMessage().contains("scripted-agent"), e.getMessage());
  }

  private static Subprocess.Result agent(Path worktree, Path task, int attempt, String tier)
      throws Exception {
    String id = task.getFileName().toString().replace(".md", "");
    return Subprocess.run(
        worktree,
        Map.of(
            "BRAID_TASK_ID", id,
            "BRAID_TASK_FILE", task.toString(),
            "BRAID_PROMPT_FILE", task.toString(),
            "BRAID_ATTEMPT", Integer.toString(attempt),
            "BRAID_TIER", tier),
        List.of(Subprocess.braidHome().resolve(DemoProject.SCRIPTED_AGENT).toString()));
  }

  private static Subprocess.Result unittest(Path dir) throws Exception {
    return Subprocess.run(dir, Map.of("PYTHONDONTWRITEBYTECODE", "1"), UNITTEST);
  }

  private static int testsRun(Subprocess.Result result) {
    Matcher matcher = RAN.matcher(result.output());
    assertTrue(matcher.find(), result.output());
    return Integer.parseInt(matcher.group(1));
  }

  private static List<Path> taskFiles(Path repo) throws IOException {
    try (Stream<Path> files = Files.list(repo.resolve(DemoProject.PLAN_DIR).resolve("tasks"))) {
      return files.sorted().toList();
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Files.copy(
            path, to.resolve(from.relativize(path).toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return to;
  }
}
