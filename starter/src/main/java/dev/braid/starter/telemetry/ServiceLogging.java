package dev.braid.starter.telemetry;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log levels of a long-running worker. A command in a terminal keeps the SDK quiet (its
 * expected retries are noise there, and braid prints its own progress); a worker is a service whose
 * log is all an operator has, so the SDK's and gRPC's warnings and braid's own activity failures
 * are shown there. {@code BRAID_LOG_LEVEL} (such as {@code DEBUG}) sets braid's and the SDK's
 * level.
 */
public final class ServiceLogging {
  /** The variable that sets the worker's log level. */
  public static final String LEVEL_VARIABLE = "BRAID_LOG_LEVEL";

  private ServiceLogging() {}

  /** Applies a worker's levels; an unknown level name falls back to the defaults. */
  public static void apply(String levelName) {
    Level chosen = levelName == null ? null : Level.toLevel(levelName.trim(), null);
    level("io.temporal", chosen == null ? Level.WARN : chosen);
    level("io.grpc", Level.WARN);
    level("dev.braid", chosen == null ? Level.INFO : chosen);
    level("dev.braid.activities", chosen == null ? Level.WARN : chosen);
  }

  private static void level(String name, Level level) {
    if (LoggerFactory.getLogger(name) instanceof Logger logger) {
      logger.setLevel(level);
    }
  }
}
