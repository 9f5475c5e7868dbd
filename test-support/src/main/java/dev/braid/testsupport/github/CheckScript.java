package dev.braid.testsupport.github;

import java.util.function.Predicate;

/**
 * "Fail check {@code check} on the next {@code times} distinct head commits of {@code branch}":
 * each commit the rule is spent on keeps its failure, and later commits pass, as when an agent's
 * push fixes what CI reported.
 */
final class CheckScript {
  final String branch;
  final String check;
  final String title;
  final String log;
  private int remaining;

  CheckScript(String branch, String check, int times, String title, String log) {
    this.branch = branch;
    this.check = check;
    this.title = title;
    this.log = log;
    this.remaining = times;
  }

  /** Spends one failure when the rule applies to this check on a commit of this branch. */
  boolean spendOn(String checkName, Predicate<String> branchAtCommit) {
    if (remaining > 0 && check.equals(checkName) && branchAtCommit.test(branch)) {
      remaining--;
      return true;
    }
    return false;
  }
}
