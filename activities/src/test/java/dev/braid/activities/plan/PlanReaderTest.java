package dev.braid.activities.plan;

import static dev.braid.activities.plan.PlanFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.PlanTask;
import dev.braid.plan.Priority;
import dev.braid.plan.TaskState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReaderTest {

  @TempDir Path dir;

  private final PlanReader reader = new PlanReader();

  @Test
  void reportsEveryKindOfProblemInOnePlanAtOnce() {
    write(
        dir,
        "plan.yaml",
        "metadata:",
        "  name: Broken plan",
        "tasks:",
        "  - id: ../../etc",
        "    file: tasks/escape.md",
        "  - id: -rf",
        "    file: tasks/rf.md",
        "  - id: a",
        "    file: tasks/a.md",
        "    priority: urgent",
        "    dependencies: [b, ghost]",
        "  - id: b",
        "    file: tasks/b.md",
        "    dependencies: [a]",
        "  - id: a",
        "    file: tasks/b.md",
        "  - id: self",
        "    dependencies: [self]",
        "  - name: Entry without an id",
        "    file: tasks/b.md",
        "  - id: missing",
        "    file: tasks/missing.yaml",
        "  - id: no-file",
        "  - id: renamed",
        "    file: tasks/renamed.md",
        "  - id: bad-status",
        "    file: tasks/bad-status.md",
        "  - id: bad-yaml",
        "    file: tasks/bad-yaml.md",
        "  - id: outside",
        "    file: ../outside.md");
    write(dir, "tasks/escape.md", "# Escape");
    write(dir, "tasks/rf.md", "# Remove everything");
    write(dir, "tasks/a.md", "---", "id: a", "---");
    write(dir, "tasks/b.md", "# B");
    write(dir, "tasks/self.md", "# Self");
    write(dir, "tasks/renamed.md", "---", "id: old-name", "---");
    write(dir, "tasks/bad-status.md", "---", "status: done", "priority: huge", "---");
    write(dir, "tasks/bad-yaml.md", "---", "id: bad-yaml", "labels: [unclosed", "---");
    write(dir.getParent(), "outside.md", "# Outside");

    PlanReadResult result = reader.read(dir);

    assertNull(result.plan());
    assertEquals(
        List.of(
            "plan.yaml: task 'a': priority: 'urgent' is not one of blocker, high, medium, low",
            "plan.yaml: task 'a': file: tasks/b.md is already the file of task 'b'",
            "plan.yaml: id: entry 7 of tasks has no id",
            "plan.yaml: task 'missing': file: tasks/missing.yaml does not exist",
            "plan.yaml: task 'no-file': file: is not given, and tasks/no-file.md does not exist",
            "tasks/renamed.md: task 'renamed': id: the frontmatter says 'old-name', but plan.yaml"
                + " says 'renamed'",
            "tasks/bad-status.md: task 'bad-status': priority: 'huge' is not one of blocker, high,"
                + " medium, low",
            "tasks/bad-status.md: task 'bad-status': status: 'done' is not one of pending,"
                + " in_progress, completed, blocked",
            "tasks/bad-yaml.md: task 'bad-yaml': cannot read the frontmatter: line 4, column 1:"
                + " expected ',' or ']', but got <stream end>",
            "plan.yaml: task 'outside': file: '../outside.md' leads outside the plan directory",
            "plan.yaml: task '../../etc': id: '../../etc' may only contain letters, digits, '.',"
                + " '_' and '-'",
            "plan.yaml: task '-rf': id: '-rf' may not start with '-'",
            "plan.yaml: task 'a': dependencies: 'ghost' is not a task of this plan",
            "plan.yaml: task 'a': id: 'a' is used by more than one task (entries 3 and 5 of the"
                + " plan)",
            "plan.yaml: task 'self': dependencies: the task depends on itself",
            "plan.yaml: task 'a': dependencies: form a cycle: a -> b -> a"),
        problems(result));
  }

  @Test
  void namesTheFileThatDeclaredTheDependenciesOfACycle() {
    write(dir, "plan.yaml", "tasks:", "  - id: a", "  - id: b", "    dependencies: [a]");
    write(dir, "tasks/a.md", "---", "dependencies: [b]", "---");
    write(dir, "tasks/b.md", "# B");

    assertEquals(
        List.of("tasks/a.md: task 'a': dependencies: form a cycle: a -> b -> a"),
        problems(reader.read(dir)));
  }

  @Test
  void reportsBadYamlInPlanYamlWithItsLine() {
    write(dir, "plan.yaml", "metadata:", "  name: x", "tasks:", "  - id: a", "   file: [");

    assertEquals(
        List.of(
            "plan.yaml: is not valid YAML: line 5, column 4: expected <block end>, but found"
                + " '<block mapping start>'"),
        problems(reader.read(dir)));
  }

  @Test
  void refusesDuplicateKeysRatherThanLettingTheLastWin() {
    write(dir, "plan.yaml", "tasks:", "  - id: a", "    id: b");

    assertEquals(
        List.of("plan.yaml: is not valid YAML: line 3, column 5: found duplicate key id"),
        problems(reader.read(dir)));
  }

  @Test
  void refusesYamlTagsThatWouldBuildJavaObjects() {
    write(dir, "plan.yaml", "tasks: !!javax.script.ScriptEngineManager []");

    PlanReadResult result = reader.read(dir);

    assertNull(result.plan());
    assertEquals(1, result.problems().size());
    assertTrue(
        result.problems().get(0).message().startsWith("is not valid YAML"), result::problemsText);
  }

  @Test
  void reportsAPlanYamlThatIsEmptyOrHasNoTasks() {
    write(dir, "plan.yaml", "# nothing yet");
    assertEquals(List.of("plan.yaml: is empty"), problems(reader.read(dir)));

    write(dir, "plan.yaml", "metadata: {name: x}");
    assertEquals(List.of("plan.yaml: tasks: is missing"), problems(reader.read(dir)));

    write(dir, "plan.yaml", "tasks: []");
    assertEquals(List.of("plan.yaml: tasks: lists no tasks"), problems(reader.read(dir)));

    write(dir, "plan.yaml", "tasks: {a: b}");
    assertEquals(List.of("plan.yaml: tasks: must be a list of tasks"), problems(reader.read(dir)));

    write(dir, "plan.yaml", "tasks: [just-a-word]");
    assertEquals(
        List.of("plan.yaml: tasks: entry 1 is not a mapping of fields"),
        problems(reader.read(dir)));
  }

  @Test
  void reportsAFolderThatIsNoPlan() {
    assertEquals(
        List.of(dir + ": holds no plan.yaml and no tasks/*.md"), problems(reader.read(dir)));
    assertEquals(
        List.of(dir.resolve("nope") + ": is not a directory"),
        problems(reader.read(dir.resolve("nope"))));
  }

  @Test
  void prefersPlanYamlAndFillsInFromTheFrontmatter() {
    write(
        dir,
        "plan.yaml",
        "metadata:",
        "  title: Titled plan",
        "overview: extra keys are ignored",
        "tasks:",
        "  - id: a",
        "    title: From the index",
        "    priority: high",
        "    dependencies: []",
        "  - id: b",
        "    file: ./tasks/b.md",
        "    unknown: kept and ignored");
    write(
        dir,
        "tasks/a.md",
        "---",
        "id: a",
        "priority: low",
        "dependencies: [b]",
        "status: completed",
        "labels: [x, y]",
        "---",
        "# Heading of a");
    write(
        dir,
        "tasks/b.md",
        "---",
        "priority: blocker",
        "dependencies: a",
        "status: in_progress",
        "extra: ignored",
        "---",
        "",
        "```",
        "# not a heading, inside code",
        "```",
        "# Heading of b");

    PlanReadResult result = reader.read(dir);

    assertTrue(result.ok(), result::problemsText);
    assertEquals("Titled plan", result.plan().name());
    assertEquals(
        List.of(
            new PlanTask(
                "a",
                "From the index",
                "tasks/a.md",
                Priority.HIGH,
                List.of(),
                TaskState.COMPLETED,
                List.of("x", "y")),
            new PlanTask(
                "b",
                "Heading of b",
                "tasks/b.md",
                Priority.BLOCKER,
                List.of("a"),
                TaskState.IN_PROGRESS,
                List.of())),
        result.plan().tasks());
  }

  @Test
  void defaultsAMissingPriorityToMediumAndAMissingStatusToPending() {
    write(dir, "plan.yaml", "tasks:", "  - id: a");
    write(dir, "tasks/a.md", "no frontmatter, no heading");

    PlanTask task = reader.read(dir).plan().tasks().get(0);

    assertEquals(
        new PlanTask(
            "a", "a", "tasks/a.md", Priority.MEDIUM, List.of(), TaskState.PENDING, List.of()),
        task);
  }

  @Test
  void readsATasksFolderInNaturalOrder() {
    for (String n : List.of("10", "2", "1")) {
      write(dir, "tasks/task-" + n + ".md", "---", "id: task-" + n, "---", "# Task " + n);
    }
    write(dir, "tasks/notes.txt", "not a task");

    PlanReadResult result = reader.read(dir);

    assertTrue(result.ok(), result::problemsText);
    assertEquals(dir.getFileName().toString(), result.plan().name());
    assertEquals(
        List.of("task-1", "task-2", "task-10"),
        result.plan().tasks().stream().map(PlanTask::id).toList());
    assertEquals("Task 10", result.plan().tasks().get(2).title());
  }

  @Test
  void reportsEveryProblemOfATasksFolder() {
    write(dir, "tasks/a.md", "# no frontmatter, so no id");
    write(dir, "tasks/b.md", "---", "id: b", "dependencies: [c]", "priority: 3", "---");
    write(dir, "tasks/c.md", "---", "id: c", "dependencies: [b]", "labels: {x: 1}", "---");
    write(dir, "tasks/d.md", "---", "id: d", "status: [a]");
    write(dir, "tasks/e.md", "---", "- a list", "---");

    assertEquals(
        List.of(
            "tasks/a.md: id: the frontmatter has no id",
            "tasks/b.md: task 'b': priority: '3' is not one of blocker, high, medium, low",
            "tasks/c.md: task 'c': labels: must be a list, not a mapping",
            "tasks/d.md: cannot read the frontmatter: line 1, column 1: the '---' here opens a"
                + " frontmatter block that is never closed",
            "tasks/e.md: cannot read the frontmatter: line 2, column 1: the frontmatter is not a"
                + " mapping of keys to values",
            "tasks/b.md: task 'b': dependencies: form a cycle: b -> c -> b"),
        problems(reader.read(dir)));
  }

  @Test
  void readsAnIndexFileGivenByPath() {
    write(dir, "other-plan.yaml", "metadata:", "  name: Other", "tasks:", "  - id: a");
    write(dir, "tasks/a.md", "# A");

    PlanReadResult result = reader.read(dir.resolve("other-plan.yaml"));

    assertTrue(result.ok(), result::problemsText);
    assertEquals("Other", result.plan().name());
    assertEquals(dir.toString(), result.plan().dir());
  }

  private static List<String> problems(PlanReadResult result) {
    return result.problems().stream().map(Object::toString).toList();
  }
}
