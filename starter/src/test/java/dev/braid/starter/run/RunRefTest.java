package dev.braid.starter.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@code RUN[:RUNID]}: the workflow id, and one Temporal run of it when named. */
class RunRefTest {
  @Test
  void aRunAloneMeansItsNewestTemporalRun() {
    RunRef ref = RunRef.parse("braid-demo-0123abcd");
    assertEquals("braid-demo-0123abcd", ref.workflowId());
    assertNull(ref.temporalRunId());
  }

  @Test
  void aTemporalRunIdAfterAColonNamesThatRun() {
    RunRef ref = RunRef.parse("braid-demo-0123abcd:0199a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b");
    assertEquals("braid-demo-0123abcd", ref.workflowId());
    assertEquals("0199a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b", ref.temporalRunId());
    assertEquals("braid-demo-0123abcd:0199a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b", ref.toString());
  }

  @Test
  void aColonFollowedByWhatIsNoRunIdStaysInTheWorkflowId() {
    RunRef ref = RunRef.parse("team:nightly");
    assertEquals("team:nightly", ref.workflowId());
    assertNull(ref.temporalRunId());
  }
}
