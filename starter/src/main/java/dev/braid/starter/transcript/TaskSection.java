package dev.braid.starter.transcript;

/**
 * A task's section of a plan message: its heading, its frontmatter and its Markdown.
 *
 * @param heading the task's heading
 * @param id the frontmatter's {@code id}, else the heading's {@code task-N}
 * @param frontmatter the frontmatter's YAML as written, or null when the section has none
 * @param foundLine when there is no frontmatter, the 1-based line of what came instead (0: nothing)
 * @param found when there is no frontmatter, what came instead, for the message
 * @param body the task's Markdown after the frontmatter, trimmed of blank lines and rules
 * @param broken whether the section could not be read (its problem is already reported), so that
 *     the task it was meant for is not reported missing as well
 */
record TaskSection(
    TaskHeading heading,
    String id,
    String frontmatter,
    int foundLine,
    String found,
    String body,
    boolean broken) {

  /** A section whose frontmatter could not be read. */
  static TaskSection broken(TaskHeading heading) {
    return new TaskSection(heading, heading.fallbackId(), null, 0, null, "", true);
  }
}
