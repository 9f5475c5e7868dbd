package dev.braid.starter.transcript;

/**
 * A task as the Plan Structure's {@code tasks:} list gives it.
 *
 * @param id its id
 * @param name its {@code name} or {@code title}, or null
 * @param file its {@code file}, or null when it names none
 */
record PlanEntry(String id, String name, String file) {}
