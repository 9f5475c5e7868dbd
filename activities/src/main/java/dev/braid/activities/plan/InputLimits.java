package dev.braid.activities.plan;

/**
 * The limits on what braid reads from files a user or an agent may have written: plans, task files
 * and {@code braid.yaml}. One place for each, so that the docs (docs/SECURITY.md) and the code
 * agree. A file past a limit is refused before it is parsed.
 */
public final class InputLimits {
  /** The largest plan, task file or config: real ones are a few kilobytes. */
  public static final int MAX_FILE_BYTES = 1_000_000;

  /** Aliases per document: plans and configs need few, and a billion-laughs file needs many. */
  public static final int MAX_YAML_ALIASES = 50;

  /** How deep mappings and lists may nest. */
  public static final int MAX_YAML_DEPTH = 50;

  // The longest task id is dev.braid.plan.SafeId.MAX_LENGTH, next to the other rules for ids.

  private InputLimits() {}
}
