package dev.braid.activities.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.braid.plan.TaskState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrontmatterTest {

  private static final String TASK =
      String.join(
          "\n",
          "---",
          "# Written by Contextune; braid keeps status true.",
          "id: task-0",
          "priority: 'high'",
          "status: pending   # the mirror",
          "dependencies: []",
          "labels:",
          "  - parallel-execution",
          "meta:",
          "  status: draft",
          "---",
          "",
          "# Create the schema",
          "",
          "Body text.",
          "");

  @Test
  void splitsFrontmatterFromBody() throws Exception {
    Frontmatter parsed = Frontmatter.parse(TASK);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("id", "task-0");
    expected.put("priority", "high");
    expected.put("status", "pending");
    expected.put("dependencies", List.of());
    expected.put("labels", List.of("parallel-execution"));
    expected.put("meta", Map.of("status", "draft"));
    assertEquals(expected, parsed.fields());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(parsed.fields().keySet()));
    assertEquals("\n# Create the schema\n\nBody text.\n", parsed.body());
    assertEquals(Optional.of("Create the schema"), parsed.firstHeading());
  }

  @Test
  void aFileWithoutFrontmatterIsAllBody() throws Exception {
    Frontmatter parsed = Frontmatter.parse("# Title\n---\nnot: frontmatter\n");

    assertEquals(Map.of(), parsed.fields());
    assertEquals("# Title\n---\nnot: frontmatter\n", parsed.body());
  }

  @Test
  void readsCrlfFilesAndFilesWithAByteOrderMark() throws Exception {
    Frontmatter parsed = Frontmatter.parse("\uFEFF---\r\nid: a\r\n---\r\n# A\r\n");

    assertEquals(Map.of("id", "a"), parsed.fields());
    assertEquals("# A\r\n", parsed.body());
    assertEquals(Optional.of("A"), parsed.firstHeading());
  }

  @Test
  void reportsInvalidFrontmatterWithItsLineInTheFile() {
    YamlSyntaxException e =
        assertThrows(
            YamlSyntaxException.class,
            () -> Frontmatter.parse("---\nid: a\nlabels: [x\nstatus: pending\n---\n"));

    assertEquals("line 4, column 7: ", e.getMessage().substring(0, 18), e.getMessage());
  }

  @Test
  void reportsFrontmatterThatIsNeverClosed() {
    YamlSyntaxException e =
        assertThrows(YamlSyntaxException.class, () -> Frontmatter.parse("---\nid: a\n# A\n"));

    assertEquals(
        "line 1, column 1: the '---' here opens a frontmatter block that is never closed",
        e.getMessage());
  }

  @Test
  void rewritesOnlyTheStatusValueKeepingCommentsOrderAndQuoting() {
    String updated = Frontmatter.withStatus(TASK, TaskState.COMPLETED);

    assertEquals(TASK.replace("status: pending   #", "status: completed   #"), updated);
  }

  @Test
  void keepsTheQuotingOfTheOldValue() {
    assertEquals(
        "---\nstatus: \"blocked\"\n---\n",
        Frontmatter.withStatus("---\nstatus: \"pending\"\n---\n", TaskState.BLOCKED));
    assertEquals(
        "---\nstatus: 'in_progress' # c\n---\n",
        Frontmatter.withStatus("---\nstatus: 'pending' # c\n---\n", TaskState.IN_PROGRESS));
  }

  @Test
  void returnsTheSameTextWhenTheStatusIsAlreadySet() {
    assertSame(TASK, Frontmatter.withStatus(TASK, TaskState.PENDING));
    String capitalised = "---\nstatus: Pending\n---\n";
    assertSame(capitalised, Frontmatter.withStatus(capitalised, TaskState.PENDING));
  }

  @Test
  void addsAStatusLineAtTheEndOfTheFrontmatterWhenItHasNone() {
    String text = "---\nid: a\nmeta:\n  status: draft\n---\n# A\n";

    assertEquals(
        "---\nid: a\nmeta:\n  status: draft\nstatus: blocked\n---\n# A\n",
        Frontmatter.withStatus(text, TaskState.BLOCKED));
  }

  @Test
  void addsAFrontmatterBlockToAFileWithoutOne() {
    assertEquals(
        "---\nstatus: completed\n---\n# A\nbody\n",
        Frontmatter.withStatus("# A\nbody\n", TaskState.COMPLETED));
    assertEquals("---\nstatus: completed\n---\n", Frontmatter.withStatus("", TaskState.COMPLETED));
  }

  @Test
  void keepsCrlfLineBreaksAndTheByteOrderMark() {
    String crlf = "\uFEFF---\r\nid: a\r\n---\r\n# A\r\n";
    assertEquals(
        "\uFEFF---\r\nid: a\r\nstatus: in_progress\r\n---\r\n# A\r\n",
        Frontmatter.withStatus(crlf, TaskState.IN_PROGRESS));
    assertEquals(
        "---\r\nstatus: blocked\r\n---\r\n# A\r\nbody\r\n",
        Frontmatter.withStatus("# A\r\nbody\r\n", TaskState.BLOCKED));
    assertEquals(
        "---\r\nid: a\r\nstatus: completed\r\n---\r\n",
        Frontmatter.withStatus("---\r\nid: a\r\nstatus: pending\r\n---\r\n", TaskState.COMPLETED));
  }

  @Test
  void replacesAStatusWrittenOverSeveralLines() {
    assertEquals(
        "---\nstatus: completed\nid: a\n---\n",
        Frontmatter.withStatus(
            "---\nstatus: >\n  pending\n\n  more\nid: a\n---\n", TaskState.COMPLETED));
    assertEquals(
        "---\nstatus: blocked\nid: a\n---\n",
        Frontmatter.withStatus("---\nstatus:\n  - pending\nid: a\n---\n", TaskState.BLOCKED));
  }

  @Test
  void roundTripsBackToTheOriginalBytes() {
    String completed = Frontmatter.withStatus(TASK, TaskState.COMPLETED);

    assertEquals(TASK, Frontmatter.withStatus(completed, TaskState.PENDING));
  }

  @Test
  void refusesToEditFrontmatterItCannotRead() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Frontmatter.withStatus("---\nid: [a\n---\n", TaskState.COMPLETED));

    assertEquals(
        "cannot read the frontmatter: line 3, column 1: expected ',' or ']', but got"
            + " <stream end>",
        e.getMessage());
  }

  @Test
  void refusesAnEditThatWouldChangeMoreThanTheStatus() {
    // A flow mapping cannot take a new line after it, so the safety check must refuse the edit.
    String flow = "---\n{id: a}\n---\n";

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Frontmatter.withStatus(flow, TaskState.BLOCKED));

    assertEquals(
        "the status cannot be set without changing other parts of the frontmatter; set it by hand",
        e.getMessage());
  }
}
