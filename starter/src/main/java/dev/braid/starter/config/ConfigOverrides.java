package dev.braid.starter.config;

import dev.braid.config.MergeMode;
import dev.braid.config.OverlapPolicy;

/**
 * Values from flags and the environment, which win over {@code braid.yaml}. Null means "not given".
 *
 * @param maxParallel {@code --max-parallel}
 * @param mergeMode {@code --merge}
 * @param overlap {@code --overlap}
 */
public record ConfigOverrides(Integer maxParallel, MergeMode mergeMode, OverlapPolicy overlap) {
  /** No overrides. */
  public static ConfigOverrides none() {
    return new ConfigOverrides(null, null, null);
  }

  /** The flags that every version had; no {@code --overlap}. */
  public ConfigOverrides(Integer maxParallel, MergeMode mergeMode) {
    this(maxParallel, mergeMode, null);
  }
}
