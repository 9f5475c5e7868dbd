package dev.braid.starter.config;

import dev.braid.activities.secrets.EnvironmentGrants;
import java.nio.file.Path;

/**
 * The environment grants a worker reads from its own {@code braid.yaml}. A file that cannot be read
 * grants nothing: the strictest rule is the safe fallback, and the commands that need a valid
 * config (execute) report its problems themselves.
 */
public final class WorkerGrants {

  private WorkerGrants() {}

  /** The file's notify command, or none when it is missing or invalid. */
  public static java.util.List<String> notifyCommand(Path file, boolean explicit) {
    if (file == null) {
      return java.util.List.of();
    }
    try {
      return ConfigLoader.notifyCommand(file, explicit);
    } catch (ConfigException e) {
      return java.util.List.of();
    }
  }

  /** The grants of the file, or none when it is missing or invalid. */
  public static EnvironmentGrants of(Path file, boolean explicit) {
    if (file == null) {
      return EnvironmentGrants.NONE;
    }
    try {
      return ConfigLoader.grants(file, explicit);
    } catch (ConfigException e) {
      return EnvironmentGrants.NONE;
    }
  }

  /**
   * The names {@code secrets:} lists in the repository's {@code braid.yaml}, for masking what this
   * process prints and writes; none when there is no such file or it cannot be read.
   */
  public static java.util.List<String> secretNames(Path repo) {
    return repo == null ? java.util.List.of() : of(repo.resolve("braid.yaml"), false).secrets();
  }
}
