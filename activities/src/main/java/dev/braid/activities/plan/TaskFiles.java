package dev.braid.activities.plan;

import dev.braid.plan.PlanProblem;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads plan files as UTF-8 text and task files into their frontmatter, reporting what fails. */
final class TaskFiles {

  private TaskFiles() {}

  /**
   * A task file's frontmatter and body, or empty after adding a problem that names the file.
   *
   * @param relative the file, relative to the plan directory
   * @param task the task's id when known, else null
   */
  static Optional<Frontmatter> load(
      Path dir, String relative, String task, List<PlanProblem> problems) {
    Optional<String> text = readText(dir.resolve(relative), relative, task, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Frontmatter.parse(text.get()));
    } catch (YamlSyntaxException e) {
      problems.add(
          new PlanProblem(relative, task, null, "cannot read the frontmatter: " + e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * A file's text, or empty after adding a problem. Malformed UTF-8 is refused rather than
   * replaced, because the file may later be rewritten and must not be damaged; so is a file that is
   * too large or not a regular file ({@link BoundedText}).
   */
  static Optional<String> readText(
      Path file, String relative, String task, List<PlanProblem> problems) {
    try {
      return Optional.of(BoundedText.read(file));
    } catch (BoundedText.Refused e) {
      problems.add(new PlanProblem(relative, task, null, e.getMessage()));
    }
    return Optional.empty();
  }

  /** Strict UTF-8: malformed bytes fail instead of turning into replacement characters. */
  static String decode(byte[] bytes) throws CharacterCodingException {
    return BoundedText.decode(bytes);
  }
}
