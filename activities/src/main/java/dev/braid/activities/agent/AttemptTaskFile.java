package dev.braid.activities.agent;

import dev.braid.activity.AttemptFailure;
import dev.braid.activity.AttemptRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The text of an attempt's task file, the heart of its prompt. */
final class AttemptTaskFile {
  private AttemptTaskFile() {}

  /** Reads it; a task file that is gone is the plan's problem, which no retry fixes. */
  static String of(AttemptRequest r) throws IOException {
    try {
      return Files.readString(Path.of(r.taskFile()));
    } catch (NoSuchFileException e) {
      throw Failures.nonRetryable(
          "task file " + r.taskFile() + " of task " + r.taskId() + " does not exist",
          AttemptFailure.PLAN_INVALID,
          e);
    }
  }
}
