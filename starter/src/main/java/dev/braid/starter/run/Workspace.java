package dev.braid.starter.run;

import dev.braid.activities.git.GitCli;
import dev.braid.starter.cli.UsageError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The repository, plan and config file a command works on, resolved from the flags the way a user
 * expects: paths relative to the current directory, the repository found from any folder inside it.
 *
 * @param repo the repository's root, absolute
 * @param planDir the plan directory, absolute; null only for a named run whose plan is elsewhere
 * @param configFile the config file, absolute
 * @param configNamed whether the user named the config file, so it must exist
 */
public record Workspace(Path repo, Path planDir, Path configFile, boolean configNamed) {

  /** The first default plan directory, relative to the repository; see {@link PlanLocation}. */
  public static final Path DEFAULT_PLAN = Path.of(".parallel", "plans");

  /** Resolves the flags; any may be null. */
  public static Workspace resolve(Path repoFlag, Path planFlag, Path configFlag) {
    Path repo = resolveRepo(repoFlag);
    Path plan = PlanLocation.resolve(repo, planFlag);
    return new Workspace(repo, plan, configFile(repo, configFlag), configFlag != null);
  }

  /**
   * Resolves the flags but the plan, for what does not depend on it: {@code execute} loads the
   * config with it before it writes a plan taken from a transcript, so a bad config writes nothing.
   */
  public static Workspace resolveWithoutPlan(Path repoFlag, Path configFlag) {
    Path repo = resolveRepo(repoFlag);
    return new Workspace(repo, null, configFile(repo, configFlag), configFlag != null);
  }

  /**
   * Resolves the flags for a command that names its run: the run knows its plan, so a missing
   * default plan is no error, and the plan directory is then null.
   */
  public static Workspace resolveForNamedRun(Path repoFlag, Path planFlag, Path configFlag) {
    Path repo = resolveRepo(repoFlag);
    Path plan = null;
    try {
      plan = PlanLocation.resolve(repo, planFlag);
    } catch (UsageError noDefaultPlan) {
      if (planFlag != null) {
        throw noDefaultPlan;
      }
    }
    return new Workspace(repo, plan, configFile(repo, configFlag), configFlag != null);
  }

  private static Path configFile(Path repo, Path configFlag) {
    return configFlag == null
        ? repo.resolve("braid.yaml")
        : configFlag.toAbsolutePath().normalize();
  }

  /** The repository holding this directory (default: the current one). */
  public static Path resolveRepo(Path repoFlag) {
    Path start = (repoFlag == null ? Path.of("") : repoFlag).toAbsolutePath().normalize();
    if (!Files.isDirectory(start)) {
      throw new UsageError("--repo: no such directory: " + start);
    }
    return topLevel(start);
  }

  /** The branch checked out in the main checkout, where finished work goes by default. */
  public String currentBranch() {
    var outcome = new GitCli(repo).tryRun("symbolic-ref", "--short", "HEAD");
    return outcome.succeeded() && !outcome.output().isBlank() ? outcome.output().trim() : "main";
  }

  /**
   * Top levels found so far: a command asks more than once (its secrets' names, then its
   * workspace), and each answer costs a git process.
   */
  private static final Map<Path, Path> TOP_LEVELS = new ConcurrentHashMap<>();

  private static Path topLevel(Path dir) {
    Path known = TOP_LEVELS.get(dir);
    if (known != null && Files.isDirectory(known)) {
      return known;
    }
    var outcome = new GitCli(dir).tryRun("rev-parse", "--show-toplevel");
    if (!outcome.succeeded()) {
      throw new UsageError(
          "not a git repository: "
              + dir
              + " (braid runs a plan inside a git repository; name one with --repo DIR)");
    }
    Path top = Path.of(outcome.output().trim()).toAbsolutePath().normalize();
    TOP_LEVELS.put(dir, top);
    return top;
  }
}
