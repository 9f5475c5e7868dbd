package dev.braid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a preset's argv becomes the argv that resumes the agent's session after a rate limit. */
class AgentPresetResumeTest {
  private static final String SESSION = "7bdbd494-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

  @Test
  void claudeCodeResumesWithItsOwnArgvAndResumeAtTheEnd() {
    List<String> argv = AgentPreset.CLAUDE_CODE.command("haiku");
    assertEquals(
        Optional.of(
            List.of(
                "claude",
                "-p",
                "--output-format",
                "json",
                "--model",
                "haiku",
                "--permission-mode",
                "acceptEdits",
                "--resume",
                SESSION)),
        AgentPreset.CLAUDE_CODE.resumeCommand(argv, SESSION));
  }

  @Test
  void codexResumesThroughItsSubcommandWithTheStdinMarkerLast() {
    List<String> argv = AgentPreset.CODEX.command(null);
    assertEquals(
        Optional.of(
            List.of(
                "codex", "exec", "--json", "--sandbox", "workspace-write", "resume", SESSION, "-")),
        AgentPreset.CODEX.resumeCommand(argv, SESSION));
  }

  @Test
  void aWrapperProgramKeepsItsPlace() {
    List<String> argv = new ArrayList<>(AgentPreset.CODEX.command("gpt-5"));
    argv.set(0, "/opt/bin/codex-wrapper");
    List<String> resumed = AgentPreset.CODEX.resumeCommand(argv, SESSION).orElseThrow();
    assertEquals("/opt/bin/codex-wrapper", resumed.get(0));
    assertEquals(List.of("resume", SESSION, "-"), resumed.subList(7, 10));
  }

  @Test
  void aSessionIdThatIsNoPlainIdIsNeverPutIntoTheArgv() {
    List<String> argv = AgentPreset.CLAUDE_CODE.command("haiku");
    for (String bad :
        new String[] {null, "", "--dangerously-skip-permissions", "a b", "../x", "-", "{prompt}"}) {
      assertTrue(AgentPreset.CLAUDE_CODE.resumeCommand(argv, bad).isEmpty(), String.valueOf(bad));
    }
  }

  @Test
  void anArgvThatDoesNotEndAsThePresetsIsNotResumed() {
    // Codex's argv with its prompt as an argument instead of "-" on stdin is no preset argv.
    List<String> argv = List.of("codex", "exec", "--json", "do the task");
    assertTrue(AgentPreset.CODEX.resumeCommand(argv, SESSION).isEmpty());
    assertTrue(AgentPreset.CODEX.resumeCommand(List.of("-"), SESSION).isEmpty());
  }
}
