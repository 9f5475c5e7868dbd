package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptRendererTest {
  private static final String TASK = "---\nid: t1\n---\n# Do it\n\nDetails.";
  private static final Path WT = Path.of("/repo/worktrees/t1");

  @Test
  void firstAttemptIsTheTaskThenTheRules() {
    String prompt =
        PromptRenderer.render(
            TASK,
            "t1",
            WT,
            List.of(List.of("npm", "test"), List.of("sh", "-c", "a && b")),
            null,
            null);
    assertTrue(
        prompt.startsWith("# Do it (task t1)\n\nDetails.\n\n---\n\n## Rules for agents\n"), prompt);
    assertTrue(prompt.contains("git worktree /repo/worktrees/t1."), prompt);
    assertTrue(prompt.contains("Work only inside this worktree"), prompt);
    assertTrue(prompt.contains("Do not push, merge"), prompt);
    assertTrue(prompt.contains("switch branches"), prompt);
    assertTrue(prompt.contains("commit them on the current branch"), prompt);
    assertTrue(prompt.contains("  - `npm test`\n  - `sh -c 'a && b'`\n"), prompt);
    assertFalse(prompt.contains("Previous attempt failed:"), prompt);
    assertFalse(prompt.contains("Guidance from a human:"), prompt);
  }

  @Test
  void frontmatterIsLeftOutSoThePromptNeverStartsWithADash() {
    String stale = "---\nid: t1\nstatus: in_progress\n---\n\n# Query API\n\n- add /q\n";
    String prompt = PromptRenderer.render(stale, "t1", WT, List.of(), null, null);
    assertTrue(prompt.startsWith("# Query API (task t1)\n\n- add /q\n"), prompt);
    assertFalse(prompt.contains("status:"), prompt);
    assertFalse(prompt.contains("in_progress"), prompt);
  }

  @Test
  void aBodyWithoutHeadingIsLedByTheTaskIdAndABodyStartingWithADashFollowsIt() {
    String prompt = PromptRenderer.render("--flag-looking text\n", "t9", WT, List.of(), null, null);
    assertTrue(prompt.startsWith("# Task t9\n\n--flag-looking text\n"), prompt);
  }

  @Test
  void isDeterministic() {
    assertEquals(
        PromptRenderer.render(TASK, "t1", WT, List.of(List.of("make")), "f", "g"),
        PromptRenderer.render(TASK, "t1", WT, List.of(List.of("make")), "f", "g"));
  }

  @Test
  void feedbackAndGuidanceComeLastAndFeedbackIsFencedSafely() {
    String feedback = "check failed\n```\nnested fence\n```";
    String prompt =
        PromptRenderer.render(TASK, "t1", WT, List.of(), feedback, "Try the other API.\n");
    assertTrue(prompt.contains("There are no automated checks"), prompt);
    assertTrue(
        prompt.endsWith(
            "Previous attempt failed:\n\n````\n"
                + feedback
                + "\n````\n\nGuidance from a human:\n\nTry the other API.\n"),
        prompt);
  }
}
