package dev.braid.starter.run;

import dev.braid.starter.cli.UsageError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a command's plan is. {@code --plan} names a plan directory or its {@code plan.yaml}.
 * Without it, braid looks in {@code .parallel/plans} (a {@code plan.yaml} or a {@code tasks/}
 * directory there), then in {@code .parallel/plans/active}, where Contextune's command writes the
 * plan it is working on.
 */
public final class PlanLocation {
  /** The places looked at without {@code --plan}, relative to the repository, in order. */
  public static final List<Path> DEFAULTS =
      List.of(Path.of(".parallel", "plans"), Path.of(".parallel", "plans", "active"));

  static final String PLAN_FILE = "plan.yaml";

  private PlanLocation() {}

  /**
   * The first default place that holds a plan (a {@code plan.yaml} or a {@code tasks/} directory),
   * absolute; empty when neither does.
   */
  public static Optional<Path> find(Path base) {
    for (Path relative : DEFAULTS) {
      Path dir = base.resolve(relative).toAbsolutePath().normalize();
      if (Files.isRegularFile(dir.resolve(PLAN_FILE)) || Files.isDirectory(dir.resolve("tasks"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /**
   * The plan directory, absolute.
   *
   * @param base the directory the defaults are relative to (the repository, or the current one)
   * @param flag the {@code --plan} value, or null
   * @throws UsageError when there is no plan where the flag or the defaults say
   */
  public static Path resolve(Path base, Path flag) {
    if (flag != null) {
      Path given = flag.toAbsolutePath().normalize();
      if (Files.isRegularFile(given) && given.getFileName().toString().equals(PLAN_FILE)) {
        return given.getParent();
      }
      if (Files.isDirectory(given)) {
        return given;
      }
      throw new UsageError(
          Files.exists(given)
              ? "--plan: " + given + " is neither a plan directory nor a " + PLAN_FILE
              : "--plan: no such directory or " + PLAN_FILE + ": " + given);
    }
    Optional<Path> found = find(base);
    if (found.isPresent()) {
      return found.get();
    }
    Path first = base.resolve(DEFAULTS.get(0)).toAbsolutePath().normalize();
    if (Files.isDirectory(first)) {
      // A plan directory in the making: the plan's validation says what it lacks.
      return first;
    }
    throw new UsageError(
        "no plan at "
            + first
            + " or "
            + base.resolve(DEFAULTS.get(1)).toAbsolutePath().normalize()
            + " (write one there, or name it with --plan DIR or --plan FILE.yaml)");
  }
}
