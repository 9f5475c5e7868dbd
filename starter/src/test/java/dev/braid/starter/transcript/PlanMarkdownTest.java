package dev.braid.starter.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Taking a plan out of a message: tolerant where the meaning is clear, precise where it is not. */
class PlanMarkdownTest {

  @Test
  void contextunesFormatBecomesPlanYamlAndTaskFiles() throws Exception {
    ExtractedPlan plan = PlanMarkdown.parse(PlanTexts.twoTasks("Two files"));

    assertEquals("Two files", plan.name());
    assertTrue(plan.planYaml().contains("# Task index\n"), "comments are kept: " + plan.planYaml());
    assertEquals(
        List.of("task-0", "task-1"), plan.tasks().stream().map(ExtractedTask::id).toList());
    ExtractedTask a = plan.tasks().get(0);
    assertEquals("tasks/task-0.md", a.file());
    assertTrue(a.content().startsWith("---\nid: task-0\npriority: blocker\n"), a.content());
    assertTrue(
        a.content().contains("---\n\n# Write a\n\n## 🎯 Objective\n\nWrite a.txt."), a.content());
    // A '#' line in a code block is no heading, so no "Task 9" and the code stays in task-0.
    assertTrue(a.content().contains("# Task 9: not a heading"), a.content());
    // The '---' rule between sections and the trailing References are not the task's.
    ExtractedTask b = plan.tasks().get(1);
    assertTrue(b.content().endsWith("Write b.txt after a.\n"), b.content());
    assertEquals("'### Task 1: Write b' (message line 64)", b.origin());
  }

  @Test
  void headingLevelsBlankLinesTitleAndAMissingFileAreTolerated() throws Exception {
    String text =
        """
        **Type:** Plan

        # 📋 Plan Structure


        ```
        metadata: {title: Loose}
        tasks:
          - {id: a, title: First}
          - {id: b, title: Second, dependencies: [a]}
        ```

        ## Task 1 - First


        ```yml
        id: a
        ```
        Do a.

        #### Task 2
        ---
        id: b
        dependencies: [a]
        ---
        Do b.
        """;
    ExtractedPlan plan = PlanMarkdown.parse(text);

    assertEquals("Loose", plan.name());
    assertEquals("tasks/a.md", plan.tasks().get(0).file());
    assertEquals("First", plan.tasks().get(0).name());
    // The heading gives no name: the index's title is used.
    assertEquals("Second", plan.tasks().get(1).name());
    assertEquals(
        "---\nid: b\ndependencies: [a]\n---\n\n# Second\n\nDo b.\n", plan.tasks().get(1).content());
  }

  @Test
  void aSectionWithoutFrontmatterIsTheIndexsTaskOfItsNumber() throws Exception {
    String text =
        """
        **Type:** Plan
        ## Plan Structure
        ```yaml
        tasks: [{id: task-0, name: Only}]
        ```
        ### Task 0: Only
        Just do it.
        """;
    ExtractedTask task = PlanMarkdown.parse(text).tasks().get(0);
    assertEquals("---\nid: task-0\n---\n\n# Only\n\nJust do it.\n", task.content());
  }

  @Test
  void aMalformedTaskBlockIsNamedWithItsLineAndWhatWasExpected() {
    String text =
        """
        **Type:** Plan
        ## Plan Structure
        ```yaml
        tasks:
          - {id: a, name: A}
          - {id: b, name: B}
        ```
        ### Task 1: A
        ```yaml
        id: a
          priority: high
        ```
        ### Task 2: B
        ```yaml
        id: b
        dependencies: [a
        """;
    List<String> problems = problems(text);

    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems
            .get(0)
            .startsWith(
                "message line 11: the frontmatter of '### Task 1: A' (message line 8) is not valid YAML: mapping values are not allowed here"),
        problems.get(0));
    assertEquals(
        "message line 14: the ```yaml block opened here for the frontmatter of '### Task 2: B'"
            + " (message line 13) is never closed (expected a ``` line before the next task)",
        problems.get(1));
  }

  @Test
  void aPlanStructureWithAYamlErrorIsNamedWithItsLine() {
    String text =
        """
        **Type:** Plan

        ## Plan Structure

        ```yaml
        metadata:
          name: Broken
        tasks:
          - id: a
            dependencies: [b
          - id: b
        ```
        """;
    List<String> problems = problems(text);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("message line 11: the Plan Structure's YAML is not valid YAML:"),
        problems.get(0));
    // The parser notices on line 11; the '[' left open is on line 10.
    assertTrue(problems.get(0).endsWith("; opened at message line 10)"), problems.get(0));
  }

  @Test
  void tasksAndSectionsThatDoNotMatchAreRefusedByName() {
    String text =
        """
        **Type:** Plan
        ## Plan Structure
        ```yaml
        tasks: [{id: a}, {id: b}]
        ```
        ### Task 1: A
        ```yaml
        id: a
        ```
        ### Task 2: C
        ```yaml
        id: c
        ```
        ### Task 3: D
        Text first, no frontmatter.
        """;
    List<String> problems = problems(text);

    assertEquals(
        List.of(
            "message line 10: '### Task 2: C' (message line 10) has id 'c', which the Plan"
                + " Structure's tasks do not list (they are: a, b)",
            "message line 15: expected the frontmatter of '### Task 3: D' (message line 14) right"
                + " after its heading: a ```yaml block with id, priority and dependencies; found"
                + " 'Text first, no frontmatter.'",
            "message line 2: the Plan Structure lists task 'b', but no '### Task N' section has"
                + " that id (expected one whose ```yaml frontmatter says id: b)"),
        problems);
  }

  @Test
  void aPlanStructureWithoutTasksSaysWhatWasExpected() {
    List<String> problems =
        problems("**Type:** Plan\n## Plan Structure\n```yaml\nmetadata: {name: x}\n```\n");
    assertEquals(
        List.of(
            "message line 3: expected tasks: a list of {id, name, file, priority, dependencies}"
                + " in the Plan Structure; there is no tasks: key"),
        problems);
  }

  @Test
  void noTaskSectionsAtAllIsSaid() {
    List<String> problems =
        problems("**Type:** Plan\n## Plan Structure\n```yaml\ntasks: [{id: a}]\n```\n");
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("expected a '### Task N: Name' section for each task"));
  }

  private static List<String> problems(String text) {
    PlanNotExtracted e = assertThrows(PlanNotExtracted.class, () -> PlanMarkdown.parse(text));
    return e.problems().stream().map(ExtractionProblem::toString).collect(Collectors.toList());
  }
}
