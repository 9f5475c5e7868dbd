package dev.braid.starter;

import java.util.Arrays;
import java.util.Set;

/**
 * The command lines that only read what Temporal and the repository hold, and start no worker that
 * must outlive a call: they run without Spring's context ({@link PlainComponents}), which would
 * otherwise be most of their time.
 */
final class ReadOnlyCommands {
  private static final Set<String> READING =
      Set.of("status", "list", "report", "plan", "help", "-h", "--help", "-V", "--version");

  private ReadOnlyCommands() {}

  static boolean matches(String[] args) {
    if (args.length == 0) {
      return true;
    }
    // status --watch follows a run with a worker in this process, which Spring closes at the end.
    return READING.contains(args[0]) && !Arrays.asList(args).contains("--watch");
  }
}
