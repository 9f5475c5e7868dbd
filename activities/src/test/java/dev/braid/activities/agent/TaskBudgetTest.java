package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.braid.activity.AttemptFailure;
import dev.braid.activity.Usage;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class TaskBudgetTest {
  private static Usage cost(Double usd) {
    return new Usage(usd, 100L, 50L, 2, null);
  }

  @Test
  void anAttemptDoesNotStartOnceTheEarlierOnesCostTheBudget() {
    ApplicationFailure e =
        assertThrows(
            ApplicationFailure.class, () -> TaskBudget.check(2.00, cost(2.13), true, "t1"));
    assertEquals(AttemptFailure.BUDGET_SPENT, e.getType());
    assertEquals("budget: spent $2.13 of $2.00", e.getOriginalMessage());
    assertEquals(true, e.isNonRetryable(), "only a human raising the budget can fix it");
    assertEquals(2.13, e.getDetails().get(0, Double.class), 0.0001);
  }

  @Test
  void anAttemptStartsUnderTheBudgetWithoutOneAndWhenTheCostIsUnknown() {
    assertDoesNotThrow(() -> TaskBudget.check(2.00, cost(1.99), true, "t1"));
    assertDoesNotThrow(() -> TaskBudget.check(null, cost(99.0), true, "t1"));
    assertDoesNotThrow(() -> TaskBudget.check(2.00, cost(null), true, "t1"), "never guessed");
    assertDoesNotThrow(() -> TaskBudget.check(0.01, Usage.unknown(), false, "t1"), "the first");
  }
}
