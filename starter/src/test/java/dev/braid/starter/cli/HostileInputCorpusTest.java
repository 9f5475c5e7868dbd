package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of malformed and hostile plans and configs ({@code src/test/resources/hostile/}), each
 * run through the real CLI ({@code braid execute}) in this JVM: every one must exit 2 with a
 * message that names the file and the field, print no stack trace, and create nothing (no {@code
 * .parallel/}, no worktree, no branch). A case is a folder with a {@code braid.yaml} or a {@code
 * plan/}, and an {@code expect} file: lines the error must hold, or, after {@code !}, must not.
 */
class HostileInputCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/hostile").toAbsolutePath();
  private static final String GOOD_PLAN = "metadata: {name: good}\ntasks:\n  - {id: t1}\n";

  @TempDir Path tmp;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CORPUS)) {
      return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithFileAndFieldAndNothingCreated(String name) throws Exception {
    Path source = CORPUS.resolve(name);
    Path repo = repo();
    Path plan = repo.resolve("plan");
    if (Files.isDirectory(source.resolve("plan"))) {
      copy(source.resolve("plan"), plan);
    } else {
      goodPlan(plan);
    }
    if (Files.exists(source.resolve("braid.yaml"))) {
      Files.copy(source.resolve("braid.yaml"), repo.resolve("braid.yaml"));
    }
    List<String> expect = Files.readAllLines(source.resolve("expect"));
    assertRefused(repo, plan, expect);
  }

  @Test
  void aFifoPlanYamlIsRefusedNotTakenForATasksOnlyPlan() throws Exception {
    Path repo = repo();
    Path plan = repo.resolve("plan");
    goodPlan(plan);
    Files.delete(plan.resolve("plan.yaml"));
    run(plan, "mkfifo", "plan.yaml");
    assertRefused(repo, plan, List.of("plan.yaml", "is not a regular file"));
  }

  @Test
  void aTasksOnlyPlanDoesNotFollowALinkOutOfItsDirectory() throws Exception {
    Path repo = repo();
    Path plan = repo.resolve("plan");
    Files.createDirectories(plan.resolve("tasks"));
    Path outside = Files.writeString(tmp.resolve("outside.md"), "---\nid: x\n---\n# Outside\n");
    Files.createSymbolicLink(plan.resolve("tasks/x.md"), outside);
    assertRefused(
        repo,
        plan.getParent().resolve("plan"),
        List.of("tasks/x.md", "outside the plan", "!Outside"));
  }

  @Test
  void filesOverTheSizeLimitAreRefusedBeforeParsing() throws Exception {
    String big = "#" + "x".repeat(1_000_001) + "\n";
    Path repo = repo();
    Path plan = repo.resolve("plan");
    goodPlan(plan);
    Files.writeString(plan.resolve("plan.yaml"), GOOD_PLAN + big);
    assertRefused(repo, plan, List.of("plan.yaml", "the limit is 1000000 bytes"));

    goodPlan(plan);
    Files.writeString(plan.resolve("tasks/t1.md"), "# T\n" + big);
    assertRefused(repo, plan, List.of("tasks/t1.md", "the limit is 1000000 bytes"));

    goodPlan(plan);
    Files.writeString(repo.resolve("braid.yaml"), "maxParallel: 2\n" + big);
    assertRefused(repo, plan, List.of("braid.yaml", "the limit is 1000000 bytes"));
  }

  @Test
  void aConfigThatIsADirectoryOrBinaryIsRefusedWithAReason() throws Exception {
    Path repo = repo();
    Path plan = repo.resolve("plan");
    goodPlan(plan);
    Files.createDirectory(repo.resolve("braid.yaml"));
    assertRefused(repo, plan, List.of("braid.yaml", "is a directory"));

    Files.delete(repo.resolve("braid.yaml"));
    Files.write(repo.resolve("braid.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
    assertRefused(repo, plan, List.of("braid.yaml", "is not UTF-8 text"));
  }

  @Test
  void planValidateShowsControlCharactersEscaped() throws Exception {
    Path plan = tmp.resolve("plan");
    goodPlan(plan);
    Files.writeString(
        plan.resolve("plan.yaml"),
        "metadata: {name: \"x\\e[2K\\rOK: plan 'fake'\"}\ntasks:\n  - {id: t1}\n");
    CliHarness.Result r = CliHarness.run("plan", "validate", "--plan", plan.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.out().contains("\u001b"), r.out());
    assertFalse(r.out().contains("\r"), r.out());
    assertTrue(r.out().contains("x\\x1b[2K\\x0dOK: plan 'fake'"), r.out());
  }

  private void assertRefused(Path repo, Path plan, List<String> expect) throws Exception {
    CliHarness.Result r =
        CliHarness.run("execute", "--repo", repo.toString(), "--plan", plan.toString(), "--json");
    String err = r.err();
    assertEquals(2, r.exitCode(), "exit code; stderr: " + err + "\nstdout: " + r.out());
    for (String line : expect) {
      if (line.startsWith("!")) {
        assertFalse(err.contains(line.substring(1)), "must not say " + line + ": " + err);
      } else if (!line.isBlank()) {
        assertTrue(err.contains(line), "must say '" + line + "': " + err);
      }
    }
    assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
    assertTrue(err.length() < 20_000, "a short message, not " + err.length() + " characters");
    assertFalse(Files.exists(repo.resolve(".parallel")), ".parallel/ was created");
    assertFalse(Files.exists(plan.resolve(".parallel")), ".parallel/ was created in the plan");
    assertFalse(Files.exists(repo.resolve("worktrees")), "worktrees/ was created");
    assertEquals("main", git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads"));
  }

  private Path repo() throws Exception {
    Path repo = Files.createTempDirectory(tmp, "repo");
    git(repo, "init", "-q", "-b", "main");
    git(
        repo,
        "-c",
        "user.email=t@t",
        "-c",
        "user.name=t",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "0");
    return repo;
  }

  private static void goodPlan(Path plan) throws IOException {
    Files.createDirectories(plan.resolve("tasks"));
    Files.writeString(plan.resolve("plan.yaml"), GOOD_PLAN);
    Files.writeString(plan.resolve("tasks/t1.md"), "# Task one\n");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private static String git(Path dir, String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    return run(dir, argv.toArray(String[]::new));
  }

  private static String run(Path dir, String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), String.join(" ", argv) + ": " + out);
    return out;
  }
}
