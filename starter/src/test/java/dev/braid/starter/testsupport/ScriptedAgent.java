package dev.braid.starter.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scripted agent the CLI suites run instead of a real one: each task file carries a JSON script
 * that says what the agent writes and how it behaves.
 */
public final class ScriptedAgent {
  /** The agent's executable, for a tier's command in braid.yaml. */
  public static final Path COMMAND = BraidLauncher.HOME.resolve("agents/scripted-agent");

  private ScriptedAgent() {}

  /** Writes {@code tasks/<id>.md}, a pending task whose body holds the agent's {@code script}. */
  public static void writeTask(Path tasks, String id, String heading, String script)
      throws IOException {
    Files.writeString(
        tasks.resolve(id + ".md"),
        "---\nid: %s\nstatus: pending\n---\n\n# %s\n\n```json scripted-agent\n%s\n```\n"
            .formatted(id, heading, script));
  }
}
