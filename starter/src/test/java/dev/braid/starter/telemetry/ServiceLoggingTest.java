package dev.braid.starter.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A worker's log shows the SDK's warnings and braid's own activity failures; a terminal's does not.
 */
class ServiceLoggingTest {
  private static Level levelOf(String name) {
    return ((Logger) LoggerFactory.getLogger(name)).getEffectiveLevel();
  }

  @AfterEach
  void restoreTheTerminalsLevels() {
    ((Logger) LoggerFactory.getLogger("io.temporal")).setLevel(Level.ERROR);
    ((Logger) LoggerFactory.getLogger("io.grpc")).setLevel(Level.ERROR);
    ((Logger) LoggerFactory.getLogger("dev.braid")).setLevel(null);
    ((Logger) LoggerFactory.getLogger("dev.braid.activities")).setLevel(Level.ERROR);
  }

  @Test
  void aTerminalKeepsTheSdkQuietAndAWorkerShowsItsWarnings() {
    assertEquals(
        Level.ERROR, levelOf("io.temporal.internal.worker"), "logback.xml, as commands run");
    assertEquals(Level.ERROR, levelOf("dev.braid.activities.agent"));

    ServiceLogging.apply(null);

    assertEquals(Level.WARN, levelOf("io.temporal.internal.worker"));
    assertEquals(Level.WARN, levelOf("io.grpc.netty"));
    assertEquals(Level.WARN, levelOf("dev.braid.activities.agent"));
    assertEquals(Level.INFO, levelOf("dev.braid.starter.temporal"));
  }

  @Test
  void braidLogLevelSetsBraidsAndTheSdksLevel() {
    ServiceLogging.apply("debug");

    assertEquals(Level.DEBUG, levelOf("io.temporal.internal.worker"));
    assertEquals(Level.DEBUG, levelOf("dev.braid.activities.git"));
    assertEquals(Level.WARN, levelOf("io.grpc"), "gRPC's own chatter stays out");

    ServiceLogging.apply("nonsense");
    assertEquals(Level.WARN, levelOf("io.temporal"), "an unknown name falls back to the defaults");
  }
}
