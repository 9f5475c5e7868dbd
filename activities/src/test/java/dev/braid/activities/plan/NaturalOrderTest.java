package dev.braid.activities.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

  @Test
  void countsNumbersAsPeopleDo() {
    List<String> names =
        new ArrayList<>(
            List.of(
                "task-10.md",
                "task-2.md",
                "task-1.md",
                "task-02.md",
                "task-1a.md",
                "task.md",
                "b.md",
                "a-99999999999999999999.md",
                "a-100000000000000000000.md"));

    names.sort(NaturalOrder.INSTANCE);

    assertEquals(
        List.of(
            "a-99999999999999999999.md",
            "a-100000000000000000000.md",
            "b.md",
            "task-1.md",
            "task-1a.md",
            "task-02.md",
            "task-2.md",
            "task-10.md",
            "task.md"),
        names);
  }
}
