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

  /**
   * The task file the agent is told of ({@code BRAID_TASK_FILE}): the run's input carried its text
   * when the starting checkout's file may not exist on this host, so a copy is written beside the
   * prompt, afresh at each attempt, which makes it idempotent.
   */
  static String path(AttemptRequest r, AttemptState state) throws IOException {
    if (r.taskText() == null) {
      return r.taskFile();
    }
    state.write(state.taskText(), r.taskText());
    return state.taskText().toString();
  }

  /**
   * The text the run's input carried, else the file read; a task file that is gone is the plan's
   * problem, which no retry fixes.
   */
  static String of(AttemptRequest r) throws IOException {
    if (r.taskText() != null) {
      return r.taskText();
    }
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
