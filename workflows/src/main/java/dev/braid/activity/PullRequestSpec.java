package dev.braid.activity;

import java.util.List;

/**
 * How a task's pull request should be: its head, its base (the target, or a dependency's branch for
 * a stacked pull request), its text and labels.
 *
 * @param github the repository
 * @param branch the task branch, the pull request's head, already pushed
 * @param base the branch to merge into
 * @param title the title, or null for the task file's first heading
 * @param body the description, or null for the task file's text
 * @param labels labels the pull request must have; labels a human added stay
 * @param taskFile the task file, absolute, read on the worker when title or body is null, so the
 *     task's text stays out of the workflow history
 * @param closesIssue the task's issue, linked with {@code Closes #N} at the end of the body; null
 *     for none
 * @param taskText the task file's whole text as the run's input carries it (masked of secrets),
 *     used instead of reading {@code taskFile} when not null: the worker that opens it may be on
 *     another host, whose checkout lacks a plan that was never committed; null in requests recorded
 *     before runs carried the text, and when the plan was too large to carry
 */
public record PullRequestSpec(
    GitHubLocation github,
    String branch,
    String base,
    String title,
    String body,
    List<String> labels,
    String taskFile,
    Integer closesIssue,
    String taskText) {

  public PullRequestSpec {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** A spec that reads the task file on the worker. */
  public PullRequestSpec(
      GitHubLocation github,
      String branch,
      String base,
      String title,
      String body,
      List<String> labels,
      String taskFile,
      Integer closesIssue) {
    this(github, branch, base, title, body, labels, taskFile, closesIssue, null);
  }
}
