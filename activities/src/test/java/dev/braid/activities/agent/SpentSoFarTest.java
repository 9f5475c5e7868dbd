package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.braid.activity.AttemptFailure;
import dev.braid.activity.Usage;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

/** A failed attempt's details carry its own usage, then the task's spend so far. */
class SpentSoFarTest {
  private static final Usage OWN = new Usage(0.40, 10L, 5L, 1, "s1");
  private static final Usage SPENT = new Usage(1.20, 30L, 15L, 3, null);

  @Test
  void aRetryableAttemptFailureGetsTheSpendAfterItsOwnUsage() {
    ApplicationFailure failed =
        ApplicationFailure.newFailure("checks failed", AttemptFailure.CHECKS_FAILED, OWN);

    ApplicationFailure added = SpentSoFar.added(failed, SPENT);

    assertEquals("checks failed", added.getOriginalMessage());
    assertEquals(AttemptFailure.CHECKS_FAILED, added.getType());
    assertEquals(OWN, added.getDetails().get(0, Usage.class));
    assertEquals(SPENT, added.getDetails().get(1, Usage.class));
  }

  @Test
  void otherFailuresAreLeftAsTheyAre() {
    ApplicationFailure budget =
        ApplicationFailure.newNonRetryableFailure(
            "budget: spent $1.20 of $1.00", AttemptFailure.BUDGET_SPENT, 1.20, 1.00);
    ApplicationFailure limited =
        ApplicationFailure.newFailure("429", AttemptFailure.AGENT_RATE_LIMITED, OWN, null, 2);

    assertSame(budget, SpentSoFar.added(budget, SPENT));
    assertSame(limited, SpentSoFar.added(limited, SPENT));
  }
}
