package dev.braid.starter.temporal;

import dev.braid.starter.cli.UsageError;
import io.temporal.envconfig.ClientConfig;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.LoadClientConfigOptions;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Resolves where Temporal is, in Temporal's documented order, lowest first: the profile file
 * ({@code TEMPORAL_CONFIG_FILE}, else the platform's default path), its profile ({@code
 * TEMPORAL_PROFILE}, else {@code default}), the environment ({@code TEMPORAL_ADDRESS}, {@code
 * TEMPORAL_NAMESPACE}, {@code TEMPORAL_API_KEY}, the TLS variables), then the flags. The file and
 * the environment are read by the SDK's own envconfig loader, so braid reads them exactly as
 * Temporal's other tools do. Any of them selects that service; braid embeds its own dev server only
 * when none is set.
 */
public final class TemporalSettingsLoader {
  private TemporalSettingsLoader() {}

  /** The settings of this process: its flags, its environment, its user's config file. */
  public static TemporalSettings load(TemporalFlags flags) {
    return load(
        flags, System.getenv(), System.getProperty("user.home"), System.getProperty("os.name"));
  }

  /**
   * @param env the environment to read, in place of the process's
   * @param userHome the home folder the default config file is under
   * @param osName the operating system, which decides the default config file's path
   */
  public static TemporalSettings load(
      TemporalFlags flags, Map<String, String> env, String userHome, String osName) {
    String namedFile = nonBlank(env.get("TEMPORAL_CONFIG_FILE"));
    Path file = namedFile != null ? Path.of(namedFile) : defaultConfigFile(userHome, osName, env);
    if (namedFile != null && !Files.isRegularFile(file)) {
      throw new UsageError(
          "TEMPORAL_CONFIG_FILE names " + file + ", which does not exist or is not a file");
    }
    String profileName =
        flags.profile() != null ? flags.profile() : nonBlank(env.get("TEMPORAL_PROFILE"));
    Map<String, ClientConfigProfile> inFile = profiles(file);
    if (profileName != null && !inFile.containsKey(profileName)) {
      String from = flags.profile() != null ? "--profile" : "TEMPORAL_PROFILE";
      throw new UsageError(
          from
              + " names profile '"
              + profileName
              + "', which "
              + (file == null || !Files.isRegularFile(file)
                  ? "is in no file: "
                      + (file == null ? "there is no config file" : file + " does not exist")
                  : file
                      + " does not have (it has: "
                      + String.join(", ", new TreeSet<>(inFile.keySet()))
                      + ")")
              + "; name another, or add it with: temporal config set --profile "
              + profileName
              + " --prop address --value HOST:PORT");
    }
    String chosen = profileName != null ? profileName : "default";
    boolean fileNamesService = inFile.containsKey(chosen);
    if (!flags.any() && !environmentNamesService(env) && !fileNamesService) {
      return TemporalSettings.embeddedServer();
    }
    ClientConfigProfile loaded = loadProfile(file, profileName, env);
    ClientConfigProfile fromFile = inFile.get(chosen);
    String where = "profile '" + chosen + "' in " + file;

    String address = firstOf(flags.address(), nonBlank(loaded.getAddress()));
    String addressFrom =
        flags.address() != null
            ? "--address"
            : nonBlank(env.get("TEMPORAL_ADDRESS")) != null
                ? "TEMPORAL_ADDRESS"
                : fromFile != null && nonBlank(fromFile.getAddress()) != null
                    ? where
                    : "the default";
    String namespace = firstOf(flags.namespace(), nonBlank(loaded.getNamespace()));
    String namespaceFrom =
        flags.namespace() != null
            ? "--namespace"
            : nonBlank(env.get("TEMPORAL_NAMESPACE")) != null
                ? "TEMPORAL_NAMESPACE"
                : fromFile != null && nonBlank(fromFile.getNamespace()) != null
                    ? where
                    : "the default";
    address = address != null ? address : TemporalDefaults.ADDRESS;
    namespace = namespace != null ? namespace : TemporalDefaults.NAMESPACE;
    ClientConfigProfile profile =
        loaded.toBuilder().setAddress(address).setNamespace(namespace).build();
    return new TemporalSettings(false, address, namespace, profile, addressFrom, namespaceFrom);
  }

  /** Whether a variable of Temporal's names a service: set and not empty. */
  static boolean environmentNamesService(Map<String, String> env) {
    for (Map.Entry<String, String> e : env.entrySet()) {
      boolean selecting =
          TemporalDefaults.SELECTING_VARIABLES.contains(e.getKey())
              || e.getKey().startsWith(TemporalDefaults.TLS_VARIABLE_PREFIX);
      if (selecting && nonBlank(e.getValue()) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Temporal's default config file: {@code ~/.config/temporalio/temporal.toml} on Linux, under
   * {@code Library/Application Support} on macOS, {@code %APPDATA%} on Windows (the SDK's rule,
   * which it keeps private).
   */
  static Path defaultConfigFile(String userHome, String osName, Map<String, String> env) {
    String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    if (os.contains("win")) {
      String appData = nonBlank(env.get("APPDATA"));
      return appData == null ? null : Path.of(appData, "temporalio", "temporal.toml");
    }
    if (userHome == null || userHome.isBlank()) {
      return null;
    }
    if (os.contains("mac")) {
      return Path.of(userHome, "Library", "Application Support", "temporalio", "temporal.toml");
    }
    return Path.of(userHome, ".config", "temporalio", "temporal.toml");
  }

  private static Map<String, ClientConfigProfile> profiles(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      return ClientConfig.load(
              LoadClientConfigOptions.newBuilder().setConfigFilePath(file.toString()).build())
          .getProfiles();
    } catch (IOException | RuntimeException e) {
      throw new UsageError("cannot read Temporal's config file " + file + ": " + e.getMessage());
    }
  }

  private static ClientConfigProfile loadProfile(
      Path file, String profileName, Map<String, String> env) {
    LoadClientConfigProfileOptions.Builder options =
        LoadClientConfigProfileOptions.newBuilder().setEnvOverrides(env);
    if (file != null && Files.isRegularFile(file)) {
      options.setConfigFilePath(file.toString()).setConfigFileProfile(profileName);
    } else {
      options.setDisableFile(true);
    }
    try {
      return ClientConfigProfile.load(options.build());
    } catch (IOException | RuntimeException e) {
      throw new UsageError("cannot read Temporal's client settings: " + e.getMessage());
    }
  }

  private static String firstOf(String a, String b) {
    return a != null ? a : b;
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
