package dev.braid.activities.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.braid.plan.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sets every status on every real Contextune task file and checks that nothing else moves. */
class FrontmatterRealFilesTest {

  static List<Path> realTaskFiles() throws IOException {
    try (Stream<Path> files = Files.walk(PlanFiles.contextunePlans())) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    }
  }

  @ParameterizedTest
  @MethodSource("realTaskFiles")
  void everyStatusChangesOnlyTheStatusAndRoundTrips(Path file) throws Exception {
    String original = PlanFiles.read(file);
    Frontmatter before = Frontmatter.parse(original);
    Object originalStatus = before.fields().get("status");

    for (TaskState state : TaskState.values()) {
      String updated = Frontmatter.withStatus(original, state);
      Frontmatter after = Frontmatter.parse(updated);

      assertEquals(state.yamlName(), after.fields().get("status"));
      assertEquals(withoutStatus(before.fields()), withoutStatus(after.fields()));
      assertEquals(before.body(), after.body());
      if (originalStatus == null) {
        // The only change is one added line just before the closing '---'.
        assertEquals(
            original.length() + ("status: " + state.yamlName() + "\n").length(), updated.length());
      } else {
        TaskState back = TaskState.parse((String) originalStatus).orElseThrow();
        assertEquals(original, Frontmatter.withStatus(updated, back));
      }
    }
  }

  private static Map<String, Object> withoutStatus(Map<String, Object> fields) {
    Map<String, Object> copy = new HashMap<>(fields);
    copy.remove("status");
    return copy;
  }
}
