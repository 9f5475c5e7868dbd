package dev.braid.starter.telemetry;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A workflow that calls the activities the telemetry tests observe, by their braid names. */
@WorkflowInterface
public interface Probe {
  /** Runs the scenario the test names. */
  @WorkflowMethod
  String run(String scenario);
}
