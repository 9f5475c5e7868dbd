package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.braid.testsupport.anthropic.FakeAnthropic;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Claude Code CLI as a person drives it, one message at a time ({@code claude -p MESSAGE},
 * then {@code --resume} for the next message of the same conversation), in a repository the person
 * has trusted, against {@link FakeAnthropic}. {@code braid} is on its PATH, as it is for a user who
 * installed it, so the commands its Bash tool runs find the launcher under test.
 */
final class ClaudeSession {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path repo;
  private final Path configDir;
  private final FakeAnthropic api;
  private String sessionId;

  ClaudeSession(Path repo, Path configDir, FakeAnthropic api) throws Exception {
    this.repo = repo;
    this.configDir = configDir;
    this.api = api;
    // What accepting Claude Code's trust dialog for the folder records; without it the CLI
    // ignores the repository's permission rules ("this workspace has not been trusted").
    Files.createDirectories(configDir);
    Files.writeString(
        configDir.resolve(".claude.json"),
        JSON.createObjectNode()
            .set(
                "projects",
                JSON.createObjectNode()
                    .set(
                        repo.toString(),
                        JSON.createObjectNode().put("hasTrustDialogAccepted", true)))
            .toString());
  }

  /** The conversation's session id, once a message was sent. */
  String sessionId() {
    return sessionId;
  }

  /** Sends one message and returns the CLI's JSON result. */
  JsonNode send(String message) throws Exception {
    List<String> argv =
        new ArrayList<>(List.of(AgentClis.bin("claude").resolve("claude").toString(), "-p"));
    if (sessionId != null) {
      argv.addAll(List.of("--resume", sessionId));
    }
    argv.addAll(List.of("--output-format", "json", "--", message));
    Path out = Files.createTempFile("claude-", ".out");
    Path err = Files.createTempFile("claude-", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(argv)
            .directory(repo.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().putAll(ClaudeCodeEnv.of(api, configDir));
    builder.environment().put("PATH", BraidProcess.HOME + ":" + builder.environment().get("PATH"));
    // The braid launcher under test runs the jar the build made, on the embedded server.
    builder.environment().put("BRAID_SKIP_BUILD", "1");
    builder.environment().remove("TEMPORAL_ADDRESS");
    Process process = builder.start();
    boolean ended = process.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String printed = Files.readString(out);
    String complaints = Files.readString(err);
    assertTrue(
        ended, "claude -p " + message + " did not end in 10 minutes: " + printed + complaints);
    assertTrue(
        process.exitValue() == 0,
        "claude -p exited " + process.exitValue() + ": " + printed + complaints);
    JsonNode result = JSON.readTree(printed);
    sessionId = result.path("session_id").asText();
    return result;
  }
}
