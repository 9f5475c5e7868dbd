package dev.braid.starter.cli;

/**
 * The defaults of {@code braid worker}'s options, in one place. Each may also come from the
 * environment ({@code BRAID_METRICS_BIND}, {@code BRAID_DRAIN_SECONDS}, ...), which is how the
 * systemd unit and the compose file set them.
 */
final class WorkerDefaults {
  /**
   * Loopback: the metrics name runs, tasks and tiers, and the endpoint has no authentication. A
   * Prometheus on another host needs {@code --metrics-bind 0.0.0.0} and a firewall.
   */
  static final String METRICS_BIND = "127.0.0.1";

  /**
   * Two minutes: enough for an attempt near its end (the agent's last turn, the checks) to finish,
   * and within what service managers allow a stop by default once raised a little (systemd's 90 s,
   * Kubernetes' 30 s are too short: the unit and compose file give 150 s). A longer attempt is
   * interrupted and retried elsewhere, losing only its current try.
   */
  static final String DRAIN_SECONDS = "120";

  private WorkerDefaults() {}
}
