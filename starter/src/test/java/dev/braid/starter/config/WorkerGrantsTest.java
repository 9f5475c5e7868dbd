package dev.braid.starter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a worker, and the CLI, read from their own braid.yaml: never from a run's input. */
class WorkerGrantsTest {
  @TempDir Path repo;

  @Test
  void theCliMasksTheNamesTheRepositoryListsAsSecrets() throws Exception {
    Files.writeString(repo.resolve("braid.yaml"), "secrets: [DATABASE_URL, SENTRY_DSN]\n");

    assertEquals(List.of("DATABASE_URL", "SENTRY_DSN"), WorkerGrants.secretNames(repo));
  }

  @Test
  void noFileOrABrokenOneListsNothingAndTheNotifierStaysOnTheWorkersSide() throws Exception {
    assertEquals(List.of(), WorkerGrants.secretNames(repo));
    assertEquals(List.of(), WorkerGrants.secretNames(null));
    Files.writeString(repo.resolve("braid.yaml"), "secrets: [a, a\n");
    assertEquals(List.of(), WorkerGrants.secretNames(repo));

    Files.writeString(repo.resolve("braid.yaml"), "notify: [curl, -d, x, https://hooks.test/T0]\n");
    assertEquals(
        List.of("curl", "-d", "x", "https://hooks.test/T0"),
        WorkerGrants.notifyCommand(repo.resolve("braid.yaml"), false));
  }
}
