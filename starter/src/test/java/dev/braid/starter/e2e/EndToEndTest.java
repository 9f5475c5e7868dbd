package dev.braid.starter.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground the end-to-end tests stand on: a temporary folder for the repository, and a cleanup
 * that stops the repository's embedded dev server, which braid leaves running between commands.
 */
abstract class EndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** The test's repository, once it made one; its server is stopped after the test. */
  Path repo;

  @AfterEach
  void stopServer() throws Exception {
    if (repo != null) {
      BraidProcess.run(tmp, "server", "stop", "--repo", repo.toString());
    }
  }
}
