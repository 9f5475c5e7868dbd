package dev.braid.starter.temporal;

import org.springframework.stereotype.Component;

/**
 * The command line's Temporal flags ({@code --address}, {@code --namespace}, {@code --profile}),
 * held for the one command a process runs, so the connector reads them wherever it is asked to
 * connect. Each is null when not given.
 */
@Component
public class TemporalFlags {
  private String address;
  private String namespace;
  private String profile;

  public String address() {
    return address;
  }

  public String namespace() {
    return namespace;
  }

  public String profile() {
    return profile;
  }

  public void address(String address) {
    this.address = blankToNull(address);
  }

  public void namespace(String namespace) {
    this.namespace = blankToNull(namespace);
  }

  public void profile(String profile) {
    this.profile = blankToNull(profile);
  }

  /** Whether any flag names a service. */
  boolean any() {
    return address != null || namespace != null || profile != null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
