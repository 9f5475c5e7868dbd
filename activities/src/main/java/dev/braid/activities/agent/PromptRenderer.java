package dev.braid.activities.agent;

import dev.braid.activities.plan.TaskBody;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders the prompt an agent gets: a heading with the task's title and id, the task file's body,
 * then braid's rules for agents. The frontmatter is left out: its {@code status: in_progress} and
 * the like mean nothing to an agent, and a prompt opening with {@code ---} is taken for an option
 * by CLIs that read the prompt as an argument. The heading makes sure a prompt never starts with
 * {@code -}. The text depends only on its inputs, so that the same attempt always gets the same
 * prompt and a prompt can be compared across attempts.
 */
public final class PromptRenderer {

  private PromptRenderer() {}

  /**
   * Renders the prompt.
   *
   * @param taskText the task file's full text; its frontmatter is dropped
   * @param taskId the task
   * @param worktree the worktree the agent must stay in
   * @param checks the check commands the agent must make pass
   * @param feedback why the previous attempt failed, or null on the first attempt
   * @param guidance a human's guidance, or null
   */
  public static String render(
      String taskText,
      String taskId,
      Path worktree,
      List<List<String>> checks,
      String feedback,
      String guidance) {
    StringBuilder sb = new StringBuilder();
    TaskHeading heading = TaskHeading.of(TaskBody.of(taskText));
    sb.append("# ")
        .append(
            heading.title() != null ? heading.title() + " (task " + taskId + ")" : "Task " + taskId)
        .append('\n');
    String body = heading.rest().strip();
    if (!body.isEmpty()) {
      sb.append('\n').append(body).append('\n');
    }
    sb.append("\n---\n\n## Rules for agents\n\n")
        .append("You are working on task ")
        .append(taskId)
        .append(" in the git worktree ")
        .append(worktree)
        .append(".\n\n")
        .append("- Work only inside this worktree. Do not create or change files outside it.\n")
        .append("- Do not push, merge, rebase onto another branch or switch branches: braid")
        .append(" integrates your work.\n")
        .append("- Leave your changes in the working tree, or commit them on the current branch.")
        .append(" braid commits whatever you leave.\n");
    if (checks.isEmpty()) {
      sb.append(
          "- There are no automated checks: make sure the task is complete before you exit.\n");
    } else {
      sb.append("- Make these checks pass; braid runs them in the worktree after you exit:\n");
      for (List<String> check : checks) {
        sb.append("  - `").append(Argv.display(check)).append("`\n");
      }
    }
    sb.append("- Exit with status 0 when you are done, and with a non-zero status when you cannot")
        .append(" finish.\n");
    if (feedback != null) {
      sb.append("\nPrevious attempt failed:\n\n");
      fenced(sb, feedback);
    }
    if (guidance != null) {
      sb.append("\nGuidance from a human:\n\n").append(guidance.strip()).append('\n');
    }
    return sb.toString();
  }

  /** Appends text in a code fence longer than any run of backticks inside it. */
  private static void fenced(StringBuilder sb, String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    sb.append(fence).append('\n').append(text.strip()).append('\n').append(fence).append('\n');
  }
}
