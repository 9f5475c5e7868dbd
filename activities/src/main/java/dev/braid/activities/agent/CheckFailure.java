package dev.braid.activities.agent;

import java.util.List;

/**
 * The first check that did not pass.
 *
 * @param command the check's argv, placeholders filled
 * @param exitCode its exit code
 * @param timedOut whether it was killed for running past the tier's timeout
 * @param tail the end of its output
 */
record CheckFailure(List<String> command, int exitCode, boolean timedOut, String tail) {

  /** How it ended, in words: {@code status 1} or {@code timed out after 5m}. */
  String ending(String timeout) {
    return timedOut ? "timed out after " + timeout : "status " + exitCode;
  }
}
