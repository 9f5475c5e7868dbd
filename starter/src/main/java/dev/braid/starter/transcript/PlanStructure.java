package dev.braid.starter.transcript;

import java.util.List;

/**
 * The Plan Structure of a message: the YAML that becomes {@code plan.yaml}.
 *
 * @param heading the {@code ## Plan Structure} heading
 * @param yaml the YAML block's text, as written
 * @param name the plan's {@code metadata.name} or {@code metadata.title}, or null
 * @param entries its tasks, in order
 */
record PlanStructure(MarkdownHeading heading, String yaml, String name, List<PlanEntry> entries) {}
