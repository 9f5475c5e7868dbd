package dev.braid.activities.plan;

import dev.braid.activity.AttemptFailure;
import dev.braid.activity.PlanActivities;
import dev.braid.plan.FileOverlap;
import dev.braid.plan.Plan;
import dev.braid.plan.TaskState;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads plans from disk and keeps each task file's {@code status} true for humans. */
public final class PlanActivitiesImpl implements PlanActivities {

  private static final Logger log = LoggerFactory.getLogger(PlanActivitiesImpl.class);

  private final PlanReader reader = new PlanReader();

  /**
   * Reads and validates the plan in this directory.
   *
   * <p>Idempotent: it only reads files, so a retry reads the plan again and returns the same plan
   * while the files are unchanged.
   *
   * @throws ApplicationFailure of type {@link AttemptFailure#PLAN_INVALID}, non-retryable because
   *     only a person can fix the files, whose message lists every problem on its own line
   */
  @Override
  public Plan loadPlan(String planDir) {
    PlanReadResult result = reader.read(Path.of(planDir));
    if (!result.ok()) {
      throw ApplicationFailure.newNonRetryableFailure(
          result.problemsText(), AttemptFailure.PLAN_INVALID);
    }
    return result.plan();
  }

  /**
   * Reads the plan and its task files and compares what they declare. Idempotent: it only reads.
   */
  @Override
  public List<FileOverlap> declaredOverlaps(String planDir) {
    try {
      return PlanOverlaps.of(loadPlan(planDir)).overlaps();
    } catch (UncheckedIOException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          e.getMessage() + ": " + e.getCause().getMessage(), AttemptFailure.PLAN_INVALID);
    }
  }

  /**
   * Writes {@code status} into the task file's frontmatter, keeping every other byte as it was.
   *
   * <p>Idempotent: when the file already has this status nothing is written, and a repeated call
   * after a write finds it so. The write replaces the file atomically, so a crash or a retry never
   * leaves half a file.
   *
   * @param taskFile the task file, relative to the plan directory; it must stay inside it
   * @throws ApplicationFailure of type {@link AttemptFailure#PLAN_INVALID}, non-retryable, when the
   *     file is missing, outside the plan directory, not UTF-8, or has frontmatter that cannot be
   *     edited safely; I/O errors are wrapped and retried
   */
  @Override
  public void setTaskStatus(String planDir, String taskFile, TaskState state) {
    Path dir = Path.of(planDir).toAbsolutePath().normalize();
    Path file;
    try {
      file = PlanPaths.resolveInside(dir, taskFile);
    } catch (IllegalArgumentException e) {
      throw invalid(taskFile + ": " + e.getMessage(), e);
    }
    if (!Files.isRegularFile(file)) {
      throw invalid(taskFile + ": does not exist in " + dir, null);
    }
    try {
      String text = TaskFiles.decode(Files.readAllBytes(file));
      String updated = Frontmatter.withStatus(text, state);
      if (updated.equals(text)) {
        return;
      }
      AtomicFiles.replace(file, updated.getBytes(StandardCharsets.UTF_8));
      log.info("Set the status of {} to {}", file, state.yamlName());
    } catch (CharacterCodingException e) {
      throw invalid(taskFile + ": is not UTF-8 text", e);
    } catch (IllegalArgumentException e) {
      throw invalid(taskFile + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  private static ApplicationFailure invalid(String message, Throwable cause) {
    return ApplicationFailure.newNonRetryableFailureWithCause(
        message, AttemptFailure.PLAN_INVALID, cause);
  }
}
