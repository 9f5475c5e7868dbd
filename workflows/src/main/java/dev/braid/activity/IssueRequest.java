package dev.braid.activity;

import java.util.List;

/**
 * A task's issue, as it should be.
 *
 * @param github the repository
 * @param key what identifies the task's issue across retries and reruns, such as {@code
 *     <run>/<task>}; kept in the body as a hidden marker
 * @param title the title, or null for the task file's first heading
 * @param body the description, or null for the task file's text
 * @param labels labels the issue must have, besides braid's own marker label
 * @param taskFile the task file, absolute, read on the worker when title or body is null
 * @param taskText the task file's whole text as the run's input carries it (masked of secrets),
 *     used instead of reading {@code taskFile} when not null: the worker that opens it may be on
 *     another host, whose checkout lacks a plan that was never committed; null in requests recorded
 *     before runs carried the text, and when the plan was too large to carry
 */
public record IssueRequest(
    GitHubLocation github,
    String key,
    String title,
    String body,
    List<String> labels,
    String taskFile,
    String taskText) {

  public IssueRequest {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** A request that reads the task file on the worker. */
  public IssueRequest(
      GitHubLocation github,
      String key,
      String title,
      String body,
      List<String> labels,
      String taskFile) {
    this(github, key, title, body, labels, taskFile, null);
  }
}
