package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.testsupport.Git;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TEMPORAL_ADDRESS} alone (no namespace) names a service in the default namespace, and a
 * service that refuses the connection is reported as unreachable, not as a missing permission.
 */
@Tag("e2e")
class UnreachableTemporalIT {
  @TempDir Path repo;

  @Test
  void anAddressWithoutANamespaceThatRefusesIsReportedAsUnreachable() throws Exception {
    Git.run(repo, "init", "--quiet", "-b", "main");
    Git.run(
        repo,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@t",
        "commit",
        "--quiet",
        "--allow-empty",
        "-m",
        "init");
    Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
    Files.writeString(
        repo.resolve(".parallel/plans/plan.yaml"), "metadata: {name: p}\ntasks:\n  - {id: t1}\n");
    Files.writeString(repo.resolve(".parallel/plans/tasks/t1.md"), "# T\n");
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    BraidProcess.Result result =
        BraidProcess.run(
            repo,
            Map.of("TEMPORAL_ADDRESS", "127.0.0.1:" + closed, "TEMPORAL_NAMESPACE", ""),
            "execute",
            "--detach");

    String err = result.err();
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(err.contains("cannot reach Temporal at 127.0.0.1:" + closed), err);
    assertFalse(err.contains("NullPointerException"), err);
    assertFalse(err.contains("ask an operator"), err);
    assertFalse(Files.exists(repo.resolve("worktrees")), "no worktree was created");
  }
}
