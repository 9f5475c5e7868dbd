package dev.braid.starter.cli;

import dev.braid.plan.Plan;

/**
 * The run a command works on.
 *
 * @param id the run id
 * @param plan the plan read to name the run, or null when the user named it
 */
record ChosenRun(String id, Plan plan) {}
