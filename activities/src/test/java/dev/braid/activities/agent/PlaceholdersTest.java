package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
  private final Placeholders placeholders =
      new Placeholders(
          "do $1 and {taskId} \\ \"x\"", Path.of("/s/prompt.md"), "t-1", Path.of("/w"));

  @Test
  void fillsPlaceholdersInsideEachArgumentInOnePass() {
    assertEquals(
        List.of("claude", "-p", "do $1 and {taskId} \\ \"x\"", "--file=/s/prompt.md", "/w/t-1"),
        placeholders.apply(
            List.of("claude", "-p", "{prompt}", "--file={promptFile}", "{worktree}/{taskId}"),
            "agent"));
  }

  @Test
  void leavesTextThatIsNoPlaceholderAlone() {
    List<String> argv = List.of("jq", "{\"a\": 1}", "{}", "{ taskId }", "{1}");
    assertEquals(argv, placeholders.apply(argv, "agent"));
  }

  @Test
  void rejectsEveryUnknownPlaceholderAndListsTheAllowedOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Placeholders.validate(List.of("x", "{task}", "{promt}-{task}"), "check x"));
    assertEquals(
        "unknown placeholder {task}, {promt} in check x;"
            + " allowed: {prompt}, {promptFile}, {taskId}, {worktree}",
        e.getMessage());
    assertTrue(e.getMessage().contains("{task}"));
  }
}
