package dev.braid.activities.github;

import dev.braid.activity.IssueRequest;
import dev.braid.activity.IssueResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a task's issue, or finds it again by the hidden marker in its body among the issues with
 * braid's label; see {@link dev.braid.activity.GitHubFlowActivities#openIssue}.
 */
final class IssueKeeper {
  private static final Logger log = LoggerFactory.getLogger(IssueKeeper.class);

  /** Issues are listed 100 a page, GitHub's most, to spare requests on a busy repository. */
  private static final int PAGE = 100;

  private final GHRepository repository;

  IssueKeeper(GHRepository repository) {
    this.repository = repository;
  }

  /**
   * @param title the title, filled from the task file
   * @param text the body, filled from the task file, without the marker
   */
  IssueResult open(IssueRequest request, String title, String text) throws IOException {
    String marker = HiddenMarker.issue(request.key());
    // Cut with room for the marker, which must survive GitHub's limit on a body's length.
    String body =
        HiddenMarker.appendTo(Excerpt.head(text, PullRequestSync.MAX_BODY_CHARS - 200), marker);
    List<String> labels = new ArrayList<>(List.of(HiddenMarker.ISSUE_LABEL));
    request.labels().stream().filter(l -> !labels.contains(l)).forEach(labels::add);
    for (GHIssue issue :
        repository
            .queryIssues()
            .label(HiddenMarker.ISSUE_LABEL)
            .state(GHIssueState.ALL)
            .pageSize(PAGE)
            .list()) {
      if (!issue.isPullRequest() && HiddenMarker.in(issue.getBody(), marker)) {
        update(issue, title, body, labels);
        log.info("reused issue #{} for {}", issue.getNumber(), request.key());
        return result(issue, false);
      }
    }
    GHIssueBuilder builder = repository.createIssue(title).body(body);
    for (String label : labels) {
      builder.label(label);
    }
    GHIssue created = builder.create();
    log.info("opened issue #{} for {}", created.getNumber(), request.key());
    return result(created, true);
  }

  /** Changes only what differs, so a repeat sends nothing and a human's other edits stay. */
  private static void update(GHIssue issue, String title, String body, List<String> labels)
      throws IOException {
    if (!Objects.equals(issue.getTitle(), title)) {
      issue.setTitle(title);
    }
    if (!normalized(issue.getBody()).equals(normalized(body))) {
      issue.setBody(body);
    }
    Set<String> present =
        issue.getLabels().stream().map(GHLabel::getName).collect(Collectors.toSet());
    String[] missing = labels.stream().filter(l -> !present.contains(l)).toArray(String[]::new);
    if (missing.length > 0) {
      issue.addLabels(missing);
    }
  }

  private static IssueResult result(GHIssue issue, boolean created) {
    return new IssueResult(
        issue.getNumber(),
        issue.getHtmlUrl().toString(),
        issue.getState() == GHIssueState.OPEN,
        created);
  }

  /** GitHub stores bodies edited in its web UI with CRLF line ends. */
  private static String normalized(String body) {
    return body == null ? "" : body.replace("\r\n", "\n").strip();
  }
}
