package dev.braid.activity;

import java.util.List;

/**
 * One task's pull request, as the workflow wants it. It holds no credential: the worker reads the
 * token from its environment (see {@link PullRequestActivities}).
 *
 * @param repo the main checkout, absolute; its {@code remote} tells the GitHub repository when
 *     {@code repository} is null
 * @param remote the remote the branch was pushed to, such as {@code origin}
 * @param branch the task branch, the pull request's head, such as {@code feature/task-1}
 * @param base the branch to merge into: the target, or a dependency's branch for a stacked pull
 *     request
 * @param title the title, or null for the task file's first heading
 * @param body the description, or null for the task file's text
 * @param labels the task frontmatter's labels; may be empty
 * @param repository {@code owner/name}, the {@code merge.repository} setting; null to derive it
 *     from the remote's URL
 * @param apiUrl GitHub's REST API base URL; null for the worker's {@code GITHUB_API_URL}, else
 *     {@code https://api.github.com}
 * @param taskFile the task file, absolute, read by the activity when title or body is null, so the
 *     task's text stays out of the workflow history
 * @param taskText the task file's whole text as the run's input carries it (masked of secrets),
 *     used instead of reading {@code taskFile} when not null: the worker that opens it may be on
 *     another host, whose checkout lacks a plan that was never committed; null in requests recorded
 *     before runs carried the text, and when the plan was too large to carry
 */
public record PullRequestRequest(
    String repo,
    String remote,
    String branch,
    String base,
    String title,
    String body,
    List<String> labels,
    String repository,
    String apiUrl,
    String taskFile,
    String taskText) {

  public PullRequestRequest {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }

  /** A request that reads the task file on the worker. */
  public PullRequestRequest(
      String repo,
      String remote,
      String branch,
      String base,
      String title,
      String body,
      List<String> labels,
      String repository,
      String apiUrl,
      String taskFile) {
    this(repo, remote, branch, base, title, body, labels, repository, apiUrl, taskFile, null);
  }
}
