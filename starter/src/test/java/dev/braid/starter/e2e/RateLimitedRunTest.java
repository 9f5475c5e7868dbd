package dev.braid.starter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;

/**
 * What the rate-limit tests with a real agent CLI share: a {@code braid execute} in the background
 * whose task {@code a} waits out a limit, looked at through {@code braid status} until it shows the
 * wait. The stand-in refuses until the test has seen the wait, so no assertion depends on timing;
 * the looks are only bounded.
 */
abstract class RateLimitedRunTest extends EndToEndTest {
  /** How long a test looks for the wait in {@code status} before it gives up: a bound, no more. */
  private static final int LOOKS = 40;

  Process execute;

  @AfterEach
  void stopExecute() {
    if (execute != null && execute.isAlive()) {
      execute.descendants().forEach(ProcessHandle::destroyForcibly);
      execute.destroyForcibly();
    }
  }

  /** Whether task {@code a}, as {@code status --json} shows it, runs but waits on a rate limit. */
  static boolean waitsOnRateLimit(JsonNode task) {
    JsonNode blocker = task.path("blocker");
    return "running".equals(task.path("status").asText())
        && "rate-limit".equals(blocker.path("kind").asText());
  }

  /** Task a as {@code status --json} shows it, once it matches; the run must not end before. */
  JsonNode statusUntil(Predicate<JsonNode> wanted) throws Exception {
    String last = "";
    for (int i = 0; i < LOOKS && execute.isAlive(); i++) {
      BraidProcess.Result status = BraidProcess.run(repo, "status", "--json");
      last = status.toString();
      if (status.out().isBlank()) {
        Thread.sleep(500);
        continue;
      }
      for (JsonNode task : JSON.readTree(status.out()).path("tasks")) {
        if ("a".equals(task.path("id").asText()) && wanted.test(task)) {
          return task;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "status never showed the wait; last status: " + last + executeOutput());
  }

  /** {@code braid status} as a person reads it, once it says what is wanted. */
  String textStatusUntil(Predicate<String> wanted) throws Exception {
    String last = "";
    for (int i = 0; i < LOOKS && execute.isAlive(); i++) {
      last = BraidProcess.run(repo, "status").out();
      if (wanted.test(last)) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("status never said it waits; last: " + last + executeOutput());
  }

  String executeOutput() throws Exception {
    return "\n--- execute stdout\n"
        + Files.readString(tmp.resolve("execute.out"))
        + "\n--- execute stderr\n"
        + Files.readString(tmp.resolve("execute.err"));
  }

  /** The attempt log of task a with this name, wherever the run's log folder is. */
  String attemptLog(String name) throws Exception {
    try (var files = Files.walk(repo.resolve(".parallel/logs"))) {
      Path log =
          files
              .filter(f -> f.getFileName().toString().equals(name))
              .filter(f -> f.getParent().getFileName().toString().equals("a"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no log " + name + " of task a"));
      return Files.readString(log);
    }
  }

  void write(String path, String text) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
