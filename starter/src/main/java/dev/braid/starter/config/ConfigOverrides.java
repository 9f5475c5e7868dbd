package dev.braid.starter.config;

import dev.braid.config.MergeMode;

/**
 * Values from flags and the environment, which win over {@code braid.yaml}. Null means "not given".
 *
 * @param maxParallel {@code --max-parallel}
 * @param mergeMode {@code --merge}
 */
public record ConfigOverrides(Integer maxParallel, MergeMode mergeMode) {
  /** No overrides. */
  public static ConfigOverrides none() {
    return new ConfigOverrides(null, null);
  }
}
