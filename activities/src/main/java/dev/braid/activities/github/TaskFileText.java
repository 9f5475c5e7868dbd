package dev.braid.activities.github;

import dev.braid.activities.plan.Frontmatter;
import dev.braid.activities.plan.YamlSyntaxException;
import dev.braid.activity.PullRequestRequest;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fills a pull request's title and body from the task file, on the worker: the title is the file's
 * first heading, the body its Markdown after the frontmatter. Reading it here keeps the task's text
 * out of the workflow history.
 */
final class TaskFileText {
  private TaskFileText() {}

  static PullRequestRequest fill(PullRequestRequest r) {
    if ((r.title() != null && r.body() != null) || r.taskFile() == null) {
      return r;
    }
    Path file = Path.of(r.taskFile());
    String text;
    Frontmatter parsed;
    try {
      text = Files.readString(file);
      parsed = Frontmatter.parse(text);
    } catch (IOException | YamlSyntaxException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "cannot read the task file " + file + " for its pull request: " + e.getMessage(),
          "TaskFileUnreadable");
    }
    String body = r.body() != null ? r.body() : parsed.body().strip() + "\n";
    String title = r.title() != null ? r.title() : parsed.firstHeading().orElse(r.branch());
    return new PullRequestRequest(
        r.repo(),
        r.remote(),
        r.branch(),
        r.base(),
        title,
        body,
        r.labels(),
        r.repository(),
        r.apiUrl(),
        r.taskFile());
  }
}
