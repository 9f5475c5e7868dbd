package dev.braid.starter.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The commands braid gives an operator create every attribute: one call each, since the CLI
 * registers only the first of several {@code --name} (seen with the pinned CLI on a dev server).
 */
class SearchAttributeRegistrarTest {
  @Test
  void oneCreateCallPerAttributeWithItsOwnType() {
    List<String> calls = List.of(SearchAttributeRegistrar.createCommands("team").split(" && "));

    assertEquals(6, calls.size(), calls.toString());
    for (String call : calls) {
      assertEquals(1, call.split("--name ").length - 1, call);
      assertTrue(call.startsWith("temporal operator search-attribute create --namespace team"));
    }
    assertTrue(
        calls.contains(
            "temporal operator search-attribute create --namespace team --name BraidTasksDone --type Int"));
    assertTrue(
        calls.contains(
            "temporal operator search-attribute create --namespace team --name BraidRepo --type Keyword"));
  }
}
