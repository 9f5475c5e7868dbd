package dev.braid.starter.temporal;

import java.time.Duration;

/** The defaults and limits of braid's Temporal connection, in one place, each with its reason. */
public final class TemporalDefaults {
  /** The namespace when none is named: Temporal's own CLI and SDKs use it too. */
  public static final String NAMESPACE = "default";

  /** The address when a cluster is chosen but no address named: Temporal's own CLI default. */
  public static final String ADDRESS = "localhost:7233";

  /**
   * How long the first calls may take before braid says the service does not answer. A frontend
   * answers a health check in milliseconds; the SDK's own default waits a minute and more, which
   * reads as a hang.
   */
  public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How recently a worker must have polled to count as alive. A live worker's long poll returns and
   * starts again at least every 70 s (the server's poll timeout plus the SDK's margin), so an older
   * last poll is a worker that is gone.
   */
  public static final Duration POLLER_FRESHNESS = Duration.ofSeconds(90);

  /**
   * How long a command waits for a worker to answer an update or a query. A live worker answers in
   * well under a second; one that stopped within the last {@link #POLLER_FRESHNESS} still looks
   * alive to Temporal, and without this bound the call would wait for Temporal's own minute.
   */
  public static final Duration WORKER_ANSWER_TIMEOUT = Duration.ofSeconds(20);

  /** The environment variables that name a service; any of them set means a cluster. */
  public static final java.util.List<String> SELECTING_VARIABLES =
      java.util.List.of(
          "TEMPORAL_ADDRESS",
          "TEMPORAL_NAMESPACE",
          "TEMPORAL_API_KEY",
          "TEMPORAL_PROFILE",
          "TEMPORAL_CONFIG_FILE");

  /** The prefix of Temporal's TLS variables ({@code TEMPORAL_TLS}, {@code TEMPORAL_TLS_...}). */
  public static final String TLS_VARIABLE_PREFIX = "TEMPORAL_TLS";

  private TemporalDefaults() {}
}
