package dev.braid.starter.webhook;

import dev.braid.workflow.BraidNames;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the running task workflows a webhook delivery concerns to look at their pull requests now
 * ({@code TaskWorkflow.gitHubNews}). A task's workflow id ends with {@code /<task>} and its branch
 * is {@code feature/<task>}, so a branch names its tasks in every running run; when a pull request
 * ended, every running task of those runs hears it too, since one may be stacked on its branch. A
 * task that is not waiting for GitHub just looks once more.
 */
final class TaskPokes {
  private static final Logger log = LoggerFactory.getLogger(TaskPokes.class);
  private static final String RUNNING_TASKS =
      "WorkflowType = 'TaskWorkflow' AND ExecutionStatus = 'Running'";
  static final String SIGNAL = "gitHubNews";

  private final WorkflowClient client;

  TaskPokes(WorkflowClient client) {
    this.client = client;
  }

  /** Signals the tasks of the event; returns how many were told. */
  int poke(WebhookEvent event) {
    Set<String> taskIds = new LinkedHashSet<>();
    String prefix = BraidNames.taskBranch("");
    for (String branch : event.branches()) {
      if (branch.startsWith(prefix) && branch.length() > prefix.length()) {
        taskIds.add(branch.substring(prefix.length()));
      }
    }
    if (taskIds.isEmpty()) {
      return 0;
    }
    List<String> running =
        client
            .listExecutions(RUNNING_TASKS)
            .map(WorkflowExecutionMetadata::getExecution)
            .map(e -> e.getWorkflowId())
            .toList();
    Set<String> runs = new LinkedHashSet<>();
    Set<String> told = new LinkedHashSet<>();
    for (String id : running) {
      int slash = id.lastIndexOf('/');
      if (slash > 0 && taskIds.contains(id.substring(slash + 1))) {
        told.add(id);
        runs.add(id.substring(0, slash + 1));
      }
    }
    if (event.pullRequestEnded()) {
      running.stream().filter(id -> runs.stream().anyMatch(id::startsWith)).forEach(told::add);
    }
    int signalled = 0;
    for (String id : told) {
      try {
        client.newUntypedWorkflowStub(id).signal(SIGNAL);
        signalled++;
      } catch (RuntimeException e) {
        // It ended between the listing and the signal: nothing waits for the news.
        log.debug("Could not tell {}: {}", id, e.getMessage());
      }
    }
    return signalled;
  }
}
