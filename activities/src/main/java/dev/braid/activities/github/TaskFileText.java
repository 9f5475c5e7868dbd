package dev.braid.activities.github;

import dev.braid.activities.plan.Frontmatter;
import dev.braid.activities.plan.YamlSyntaxException;
import dev.braid.activity.PullRequestRequest;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fills a pull request's title and body from the task file: the title is the file's first heading,
 * the body its Markdown after the frontmatter. The text is the one the run's input carries when the
 * request has it, since the worker may be on a host whose checkout lacks an uncommitted plan; else
 * the file is read on the worker, as runs that did not carry the text did.
 */
final class TaskFileText {
  private TaskFileText() {}

  static PullRequestRequest fill(PullRequestRequest r) {
    if ((r.title() != null && r.body() != null) || (r.taskFile() == null && r.taskText() == null)) {
      return r;
    }
    Path file = r.taskFile() == null ? null : Path.of(r.taskFile());
    Frontmatter parsed;
    try {
      parsed = Frontmatter.parse(r.taskText() != null ? r.taskText() : Files.readString(file));
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
        r.taskFile(),
        r.taskText());
  }
}
