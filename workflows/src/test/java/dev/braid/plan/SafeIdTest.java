package dev.braid.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"task-0", "task_1", "Task.2", "a", "0", "v1.2-beta_3", "a.b.c"})
  void acceptsIdsMadeOfSafeCharacters(String id) {
    assertTrue(SafeId.isSafe(id));
    assertEquals(Optional.empty(), SafeId.problem(id));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "../../etc | may only contain letters, digits, '.', '_' and '-'",
        "a/b       | may only contain letters, digits, '.', '_' and '-'",
        "a b       | may only contain letters, digits, '.', '_' and '-'",
        "tâche     | may only contain letters, digits, '.', '_' and '-'",
        "a;rm      | may only contain letters, digits, '.', '_' and '-'",
        "a..b      | may not contain '..'",
        "..        | may not contain '..'",
        "-rf       | may not start with '-'",
        ".git      | may not start with '.'",
        ".         | may not start with '.'",
        "task.     | may not end with '.'",
        "task.lock | may not end with '.lock', which git reserves",
      })
  void refusesUnsafeIdsWithAReason(String id, String reason) {
    assertFalse(SafeId.isSafe(id));
    assertEquals(Optional.of(reason), SafeId.problem(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void refusesEmptyAndBlankIds(String id) {
    assertFalse(SafeId.isSafe(id));
  }

  @Test
  void refusesAMissingId() {
    assertEquals(Optional.of("is empty"), SafeId.problem(null));
  }
}
