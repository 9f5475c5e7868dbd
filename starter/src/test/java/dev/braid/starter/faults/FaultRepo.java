package dev.braid.starter.faults;

import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A repository with a bare {@code origin}, a plan of independent tasks for the scripted agent, and
 * setup and check commands that can be held at a gate, so a test can kill braid while a given phase
 * is certainly running.
 *
 * <p>Every task writes {@code out/<id>.txt} holding {@code work of <id>}. The setup and the checks
 * are {@code phase.py}, a script kept outside the repository: it notes each run in the marks folder
 * and, while the test holds the gate {@code <phase>-<where>}, waits there; {@code where} is the
 * task's id in a task's worktree and {@code integration} in the merge queue's worktrees (its
 * integration worktree, and those where it checks a step ahead). As a check it then verifies that
 * every {@code out/*.txt} is its task's work, so the checks on main prove the work arrived whole.
 * Holding a gate makes a phase as long as the test needs and no longer: nothing depends on timing.
 */
final class FaultRepo {
  private static final String PHASE_SCRIPT =
      """
      import os, pathlib, sys, time

      MARKS = pathlib.Path(sys.argv[2])
      phase = sys.argv[1]
      cwd = pathlib.Path.cwd()
      # The merge queue checks in its worktree, and checks steps ahead in worktrees of their own.
      where = "integration" if cwd.name.startswith((".integration", ".ahead")) else cwd.name
      if phase in ("push", "delete"):
          # Both hooks read "<old> <new> <ref>" lines; the gate is named after the branch.
          updates = [line.split() for line in sys.stdin.read().splitlines() if line.strip()]
          if phase == "delete":
              # reference-transaction runs for every ref update; only deletions are of interest.
              if sys.argv[3] != "prepared":
                  sys.exit(0)
              updates = [u for u in updates if set(u[1]) == {"0"}]
              if not updates:
                  sys.exit(0)
          refs = [u[2] for u in updates]
          where = refs[0].removeprefix("refs/heads/").replace("/", "-") if refs else "none"
      name = f"{phase}-{where}"
      (MARKS / f"{name}.{os.getpid()}.ran").touch()
      gate = MARKS / f"{name}.gate"
      run = len(list(MARKS.glob(f"{name}.*.ran")))

      def holds():
          # A gate naming a number holds only that run of the phase: the third merge check, say.
          try:
              nth = gate.read_text().strip()
          except FileNotFoundError:
              return False
          return not nth or int(nth) == run

      if holds():
          (MARKS / f"{name}.{os.getpid()}.held").touch()
          print(f"phase.py: held at {gate}", flush=True)
          # A bound, so a test that dies holding a gate leaves nothing waiting for long.
          deadline = time.time() + 300
          while holds() and time.time() < deadline:
              time.sleep(0.1)
      if phase == "check":
          out = cwd / "out"
          files = sorted(out.glob("*.txt")) if out.is_dir() else []
          if not files:
              sys.exit(f"phase.py: no work in {out}")
          for f in files:
              if f.read_text() != f"work of {f.stem}\\n":
                  sys.exit(f"phase.py: {f} is not the work of {f.stem}")
          print(f"phase.py: {len(files)} file(s) of work are right", flush=True)
          # A task can break the merged result only: out/<id>.breaks-merges, when not empty.
          for marker in sorted(out.glob("*.breaks-merges")) if where == "integration" else []:
              if marker.read_text().strip():
                  sys.exit(f"phase.py: {marker.name}: {marker.read_text().strip()}")
      """;

  final Path repo;
  final Path origin;
  final Path marks;
  final List<String> taskIds;
  final String initialCommit;
  private final Path phaseScript;

  private FaultRepo(
      Path repo,
      Path origin,
      Path marks,
      Path phaseScript,
      List<String> taskIds,
      String initialCommit) {
    this.repo = repo;
    this.origin = origin;
    this.marks = marks;
    this.phaseScript = phaseScript;
    this.taskIds = List.copyOf(taskIds);
    this.initialCommit = initialCommit;
  }

  static Builder in(Path tmp) {
    return new Builder(tmp);
  }

  /** Builds the repository. */
  static final class Builder {
    private final Path tmp;
    private final List<String> tiers = new ArrayList<>();
    private final List<String[]> tasks = new ArrayList<>();
    private int maxParallel = 4;
    private boolean cleanup;
    private String merge = "{mode: direct}";
    private String github;

    private Builder(Path tmp) {
      this.tmp = tmp;
    }

    /** Adds a tier running the scripted agent, e.g. {@code tier("fast", 2, "2m")}. */
    Builder tier(String name, int attempts, String timeout) {
      tiers.add(
          "    - {name: %s, command: [\"%s\"], attempts: %d, timeout: %s, backoff: 1s}"
              .formatted(name, ScriptedAgent.COMMAND, attempts, timeout));
      return this;
    }

    Builder maxParallel(int n) {
      maxParallel = n;
      return this;
    }

    /** Sets {@code braid.yaml}'s {@code merge}, a YAML mapping such as {@code {mode: pr}}. */
    Builder merge(String mapping) {
      merge = mapping;
      return this;
    }

    /** Sets {@code braid.yaml}'s {@code github}, a YAML mapping such as {@code {watch: true}}. */
    Builder github(String mapping) {
      github = mapping;
      return this;
    }

    /** Makes the run clean up after itself: {@code cleanup: true} in {@code braid.yaml}. */
    Builder cleanup() {
      cleanup = true;
      return this;
    }

    /**
     * Adds a task whose script writes its work and then does what {@code extras} says: more members
     * of the script's JSON object, such as {@code "sleepSeconds": 5}, or nothing.
     */
    Builder task(String id, String extras) {
      tasks.add(new String[] {id, extras});
      return this;
    }

    /**
     * Adds a task whose first attempt passes its own checks but breaks the checks of any merge that
     * holds it; told so by the merge queue, its next attempt fixes that.
     */
    Builder breaksMergesUntilTold(String id, String extras) {
      String fixed = "{\"out/%s.txt\": \"work of %s\\n\", \"out/%s.breaks-merges\": \"\"}";
      String broken =
          "{\"out/%s.txt\": \"work of %s\\n\", \"out/%s.breaks-merges\": \"it breaks merges\"}";
      tasks.add(
          new String[] {
            id,
            "\"files\": "
                + fixed.formatted(id, id, id)
                + ", \"badFilesUntilAttempt\": 2, \"badFiles\": "
                + broken.formatted(id, id, id)
                + (extras.isBlank() ? "" : ", " + extras)
          });
      return this;
    }

    FaultRepo create() throws IOException, InterruptedException {
      Path marks = Files.createDirectories(tmp.resolve("marks"));
      Path phase = tmp.resolve("phase.py");
      Files.writeString(phase, PHASE_SCRIPT);
      Path origin = TestRepos.bareOrigin(tmp);
      Path repo = TestRepos.init(tmp.resolve("repo"), "faults");
      String command = "[python3, \"%s\", %%s, \"%s\"]".formatted(phase, marks);
      Files.writeString(
          repo.resolve("braid.yaml"),
          "agent:\n  tiers:\n"
              + String.join("\n", tiers)
              + "\nsetup: ["
              + command.formatted("setup")
              + "]\nchecks: ["
              + command.formatted("check")
              + "]\nmaxParallel: "
              + maxParallel
              + "\ncleanup: "
              + cleanup
              + "\nmerge: "
              + merge
              + "\n"
              + (github == null ? "" : "github: " + github + "\n"));
      Files.writeString(repo.resolve(".gitignore"), "__pycache__/\n");
      Files.createDirectories(repo.resolve("out"));
      // main passes the checks from the start: they need some work in out/.
      Files.writeString(repo.resolve("out/base.txt"), "work of base\n");
      Path taskDir = Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
      StringBuilder plan = new StringBuilder("metadata: {name: faults}\ntasks:\n");
      List<String> ids = new ArrayList<>();
      for (String[] task : tasks) {
        String id = task[0];
        ids.add(id);
        plan.append(
            "  - {id: %s, name: %s, file: tasks/%s.md, priority: high}\n".formatted(id, id, id));
        // A task that says which files it writes (breaksMergesUntilTold) keeps its own.
        String script =
            task[1].startsWith("\"files\"")
                ? "{" + task[1] + "}"
                : "{\"files\": {\"out/%s.txt\": \"work of %s\\n\"}%s}"
                    .formatted(id, id, task[1].isBlank() ? "" : ", " + task[1]);
        ScriptedAgent.writeTask(taskDir, id, id, script);
      }
      Files.writeString(repo.resolve(".parallel/plans/plan.yaml"), plan.toString());
      TestRepos.commitAll(repo, "a plan for fault injection");
      TestRepos.pushToOrigin(repo, origin);
      return new FaultRepo(repo, origin, marks, phase, ids, Git.run(repo, "rev-parse", "HEAD"));
    }
  }

  /**
   * Makes every push to {@code origin} go through {@code phase.py} as a pre-receive hook, so a gate
   * such as {@code push-main} can hold a push while braid's worker waits for it.
   */
  void hookPushes() throws IOException {
    hook(origin.resolve("hooks/pre-receive"), "push");
  }

  /**
   * Makes every commit in the repository and its worktrees go through {@code phase.py} as a {@code
   * prepare-commit-msg} hook, which {@code git commit --no-verify} still runs; the gate {@code
   * commit-<task>} holds a task's commit with its index locked.
   */
  void hookCommits() throws IOException {
    hook(repo.resolve(".git/hooks/prepare-commit-msg"), "commit");
  }

  /**
   * Makes every branch deletion in the repository go through {@code phase.py} as a {@code
   * reference-transaction} hook; the gate {@code delete-feature-<task>} holds the deletion of the
   * task's branch with the ref locked.
   */
  void hookBranchDeletes() throws IOException {
    hook(repo.resolve(".git/hooks/reference-transaction"), "delete");
  }

  private void hook(Path hook, String phase) throws IOException {
    Files.writeString(
        hook,
        "#!/bin/sh\nexec python3 \"%s\" %s \"%s\" \"$@\"\n".formatted(phaseScript, phase, marks));
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Holds {@code <phase>-<where>}: the next such setup, check or push waits until release. */
  void hold(String gate) throws IOException {
    Files.createFile(marks.resolve(gate + ".gate"));
  }

  /** Holds only the {@code n}-th run of {@code <phase>-<where>}, counting from 1. */
  void holdRun(String gate, int n) throws IOException {
    // Written whole, then renamed: phase.py must never read it half written.
    Path partial = Files.writeString(marks.resolve(gate + ".partial"), n + "\n");
    Files.move(
        partial, marks.resolve(gate + ".gate"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Lets every held process go on. */
  void releaseAll() throws IOException {
    try (Stream<Path> files = Files.list(marks)) {
      for (Path gate : files.filter(f -> f.toString().endsWith(".gate")).toList()) {
        Files.deleteIfExists(gate);
      }
    }
  }

  /** Waits until a process is held at the gate, and returns its pid. */
  long awaitHeld(String gate, Duration timeout) throws InterruptedException {
    Path marker = Await.glob(marks, gate + ".*.held", timeout);
    return pidOf(marker);
  }

  /** The pids of every process that was ever held at a gate. */
  List<Long> heldPids() throws IOException {
    try (Stream<Path> files = Files.list(marks)) {
      return files.filter(f -> f.toString().endsWith(".held")).map(FaultRepo::pidOf).toList();
    }
  }

  /** How many times {@code phase.py} ran as {@code <phase>-<where>}. */
  long runs(String name) throws IOException {
    try (Stream<Path> files = Files.list(marks)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.startsWith(name + ".") && f.endsWith(".ran"))
          .count();
    }
  }

  /** Waits for the log of a task's attempt, e.g. {@code 1-fast.log}, and returns it. */
  Path awaitAttemptLog(String taskId, String file, Duration timeout) throws InterruptedException {
    // .parallel/logs/<run>/<temporal run>/<task>/<file>
    return Await.glob(repo.resolve(".parallel/logs"), "*/*/" + taskId + "/" + file, timeout);
  }

  /** The task file, where braid mirrors the task's status in the frontmatter. */
  Path taskFile(String taskId) {
    return repo.resolve(".parallel/plans/tasks/" + taskId + ".md");
  }

  /** Runs the checks on main's checkout, as a human would after the run. */
  ProcessResult checkMain() throws IOException, InterruptedException {
    Process check =
        new ProcessBuilder("python3", phaseScript.toString(), "check", marks.toString())
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes());
    return new ProcessResult(check.waitFor(), output);
  }

  /**
   * A finished process.
   *
   * @param exitCode its exit code
   * @param output its stdout and stderr
   */
  record ProcessResult(int exitCode, String output) {}

  private static long pidOf(Path marker) {
    String[] parts = marker.getFileName().toString().split("\\.");
    return Long.parseLong(parts[parts.length - 2]);
  }
}
