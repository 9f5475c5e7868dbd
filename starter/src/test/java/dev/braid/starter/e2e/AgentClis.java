package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real agent CLIs that {@code deploy/scripts/install-agents.sh} puts in {@code .tools/}. */
final class AgentClis {
  /** Where the install script puts the CLIs' launchers, relative to the starter module. */
  static final Path BIN =
      Path.of("../.tools/agents/node_modules/.bin").toAbsolutePath().normalize();

  private AgentClis() {}

  /** The folder holding {@code claude} and {@code codex}; fails the test clearly without them. */
  static Path bin(String cli) {
    assertTrue(
        Files.isExecutable(BIN.resolve(cli)),
        cli
            + " is not installed at "
            + BIN
            + "; run deploy/scripts/install-agents.sh (it pins the versions these tests speak)");
    return BIN;
  }
}
