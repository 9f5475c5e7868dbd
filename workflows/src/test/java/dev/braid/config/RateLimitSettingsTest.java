package dev.braid.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The backoff of a rate-limit wait that names no reset time: doubling, capped, never zero. */
class RateLimitSettingsTest {

  private static List<Long> waits(RateLimitSettings settings, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(settings::backoffSeconds).toList();
  }

  @Test
  void theDefaultsWaitAMinuteThenDoubleUpToHalfAnHour() {
    assertEquals(60, RateLimitSettings.DEFAULTS.waitSeconds());
    assertEquals(1800, RateLimitSettings.DEFAULTS.maxWaitSeconds());
    assertEquals(
        List.of(60L, 120L, 240L, 480L, 960L, 1800L, 1800L, 1800L),
        waits(RateLimitSettings.DEFAULTS, 8));
  }

  @Test
  void aConfiguredWaitDoublesUpToItsMaximumAndStaysThere() {
    RateLimitSettings settings = new RateLimitSettings(5, 30);
    assertEquals(List.of(5L, 10L, 20L, 30L, 30L), waits(settings, 5));
    // A long streak neither overflows nor passes the maximum.
    assertEquals(30, settings.backoffSeconds(10_000));
  }

  @Test
  void zeroOrNegativeSettingsMeanTheDefaultsAndTheMaximumIsNeverBelowTheFirstWait() {
    assertEquals(RateLimitSettings.DEFAULTS, new RateLimitSettings(0, -1));
    RateLimitSettings inverted = new RateLimitSettings(600, 60);
    assertEquals(600, inverted.maxWaitSeconds());
    assertEquals(List.of(600L, 600L, 600L), waits(inverted, 3));
    // Before any limit (or a count of zero), the wait is the first one.
    assertEquals(600, inverted.backoffSeconds(0));
  }
}
