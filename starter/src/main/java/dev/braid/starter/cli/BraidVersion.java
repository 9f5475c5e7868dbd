package dev.braid.starter.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, so it cannot drift from the build. */
public class BraidVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = BraidVersion.class.getPackage().getImplementationVersion();
    return new String[] {"braid " + (version == null ? "(development build)" : version)};
  }
}
