package dev.braid.activity;

import java.util.List;

/**
 * What a pull request's head commit says, in one value: its checks and its reviews, or that it is
 * merged or closed. Everything in it is bounded in size, because it enters the workflow history and
 * the agent's prompt.
 *
 * @param kind what it asks of braid
 * @param number the pull request
 * @param headSha the head commit the checks and reviews were read for
 * @param failedChecks the checks that failed on the head; empty unless some did
 * @param pendingChecks the names of the checks still running on the head
 * @param passedChecks the names of the checks that passed (or ended neutral or skipped) on the
 *     head; with the other two lists, it tells a green head from one CI has not started on yet
 * @param changesRequested the reviews requesting changes on the head; empty unless some do
 */
public record PullRequestVerdict(
    VerdictKind kind,
    int number,
    String headSha,
    List<CheckFailure> failedChecks,
    List<String> pendingChecks,
    List<String> passedChecks,
    List<ReviewFeedback> changesRequested) {

  public PullRequestVerdict {
    failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
    pendingChecks = pendingChecks == null ? List.of() : List.copyOf(pendingChecks);
    passedChecks = passedChecks == null ? List.of() : List.copyOf(passedChecks);
    changesRequested = changesRequested == null ? List.of() : List.copyOf(changesRequested);
  }

  /**
   * The feedback for the task's agent, as Markdown: each failed check with its log excerpt, each
   * review with its comments. Empty when there is nothing to fix.
   */
  public String feedback() {
    StringBuilder text = new StringBuilder();
    for (CheckFailure c : failedChecks) {
      text.append("## Check `").append(c.name()).append("` ").append(c.conclusion()).append('\n');
      append(text, c.title());
      append(text, c.summary());
      if (c.logExcerpt() != null && !c.logExcerpt().isBlank()) {
        text.append("```\n").append(c.logExcerpt().strip()).append("\n```\n");
      }
      text.append('\n');
    }
    for (ReviewFeedback r : changesRequested) {
      text.append("## Review by ").append(r.reviewer()).append(": changes requested\n");
      append(text, r.body());
      for (ReviewNote n : r.comments()) {
        text.append("- `").append(n.path());
        text.append(n.line() == null ? "" : ":" + n.line()).append("`: ").append(n.body());
        text.append('\n');
      }
      text.append('\n');
    }
    return text.toString().strip();
  }

  private static void append(StringBuilder text, String line) {
    if (line != null && !line.isBlank()) {
      text.append(line.strip()).append('\n');
    }
  }
}
