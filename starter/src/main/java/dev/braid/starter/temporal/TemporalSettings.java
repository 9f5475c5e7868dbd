package dev.braid.starter.temporal;

import io.temporal.envconfig.ClientConfigProfile;

/**
 * Where braid's Temporal is, resolved from Temporal's conventions (see {@link
 * TemporalSettingsLoader}).
 *
 * @param embedded whether nothing names a service, so braid runs its own dev server
 * @param address the frontend address; null when embedded (the dev server's port is chosen later)
 * @param namespace the namespace
 * @param profile the SDK's profile with the flags applied (TLS, API key, gRPC metadata), or null
 *     when embedded
 * @param addressFrom where the address came from, for messages: {@code --address}, {@code
 *     TEMPORAL_ADDRESS}, {@code profile 'x' in FILE} or {@code the default}
 * @param namespaceFrom where the namespace came from, likewise
 */
public record TemporalSettings(
    boolean embedded,
    String address,
    String namespace,
    ClientConfigProfile profile,
    String addressFrom,
    String namespaceFrom) {

  /** No service named: the embedded dev server, in the default namespace. */
  static TemporalSettings embeddedServer() {
    return new TemporalSettings(
        true, null, TemporalDefaults.NAMESPACE, null, "the embedded server", "the default");
  }
}
