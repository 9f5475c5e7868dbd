package dev.braid.starter.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.cli.UsageError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporal's precedence, lowest first: profile file, environment, flags; none of them: embedded.
 */
class TemporalSettingsLoaderTest {
  @TempDir Path home;

  private final TemporalFlags flags = new TemporalFlags();
  private final Map<String, String> env = new HashMap<>();

  private TemporalSettings load() {
    return TemporalSettingsLoader.load(flags, env, home.toString(), "Linux");
  }

  private Path profileFile(String toml) throws Exception {
    Path file = home.resolve("temporal.toml");
    Files.writeString(file, toml);
    return file;
  }

  @Test
  void nothingSetMeansTheEmbeddedServerInTheDefaultNamespace() {
    TemporalSettings settings = load();
    assertTrue(settings.embedded());
    assertEquals("default", settings.namespace());
    assertNull(settings.address());
  }

  @Test
  void emptyVariablesNameNothing() {
    env.put("TEMPORAL_ADDRESS", "");
    env.put("TEMPORAL_NAMESPACE", " ");
    assertTrue(load().embedded());
  }

  @Test
  void anAddressAloneSelectsTheClusterInTheDefaultNamespace() {
    env.put("TEMPORAL_ADDRESS", "temporal.example:7233");
    TemporalSettings settings = load();
    assertFalse(settings.embedded());
    assertEquals("temporal.example:7233", settings.address());
    assertEquals("TEMPORAL_ADDRESS", settings.addressFrom());
    assertEquals("default", settings.namespace());
    assertEquals("the default", settings.namespaceFrom());
  }

  @Test
  void anApiKeyAloneSelectsTheClusterAtTheDefaultAddress() {
    env.put("TEMPORAL_API_KEY", "k");
    TemporalSettings settings = load();
    assertFalse(settings.embedded());
    assertEquals(TemporalDefaults.ADDRESS, settings.address());
    assertEquals("k", settings.profile().getApiKey());
  }

  @Test
  void aTlsVariableAloneSelectsTheCluster() {
    env.put("TEMPORAL_TLS", "true");
    assertFalse(load().embedded());
  }

  @Test
  void aProfileFileNamedByTheEnvironmentSelectsItsDefaultProfile() throws Exception {
    Path file =
        profileFile("[profile.default]\naddress = \"file.example:7233\"\nnamespace = \"ns\"\n");
    env.put("TEMPORAL_CONFIG_FILE", file.toString());
    TemporalSettings settings = load();
    assertFalse(settings.embedded());
    assertEquals("file.example:7233", settings.address());
    assertEquals("ns", settings.namespace());
    assertEquals("profile 'default' in " + file, settings.addressFrom());
  }

  @Test
  void theDefaultPathIsReadWhenNoFileIsNamed() throws Exception {
    Path file = home.resolve(".config/temporalio/temporal.toml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "[profile.default]\naddress = \"home.example:7233\"\n");
    TemporalSettings settings = load();
    assertFalse(settings.embedded());
    assertEquals("home.example:7233", settings.address());
  }

  @Test
  void aDefaultFileWithoutTheDefaultProfileNamesNothing() throws Exception {
    Path file = home.resolve(".config/temporalio/temporal.toml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "[profile.other]\naddress = \"other.example:7233\"\n");
    assertTrue(load().embedded());
  }

  @Test
  void theEnvironmentOverridesTheProfileAndTheFlagsOverrideBoth() throws Exception {
    Path file =
        profileFile(
            "[profile.prod]\naddress = \"file.example:7233\"\nnamespace = \"file-ns\"\n"
                + "[profile.dev]\naddress = \"dev.example:7233\"\n");
    env.put("TEMPORAL_CONFIG_FILE", file.toString());
    env.put("TEMPORAL_PROFILE", "prod");
    env.put("TEMPORAL_NAMESPACE", "env-ns");
    TemporalSettings settings = load();
    assertEquals("file.example:7233", settings.address());
    assertEquals("env-ns", settings.namespace());
    assertEquals("TEMPORAL_NAMESPACE", settings.namespaceFrom());

    flags.profile("dev");
    flags.namespace("flag-ns");
    settings = load();
    assertEquals("dev.example:7233", settings.address());
    assertEquals("flag-ns", settings.namespace());

    flags.address("flag.example:7233");
    settings = load();
    assertEquals("flag.example:7233", settings.address());
    assertEquals("--address", settings.addressFrom());
  }

  @Test
  void aFlagAloneSelectsTheCluster() {
    flags.namespace("ns");
    TemporalSettings settings = load();
    assertFalse(settings.embedded());
    assertEquals(TemporalDefaults.ADDRESS, settings.address());
    assertEquals("ns", settings.namespace());
  }

  @Test
  void anUnknownProfileIsAnErrorThatListsTheFilesProfiles() throws Exception {
    Path file =
        profileFile("[profile.prod]\naddress = \"p:7233\"\n[profile.dev]\naddress = \"d:7233\"\n");
    env.put("TEMPORAL_CONFIG_FILE", file.toString());
    env.put("TEMPORAL_PROFILE", "staging");
    UsageError e = assertThrows(UsageError.class, this::load);
    assertTrue(e.getMessage().contains("TEMPORAL_PROFILE names profile 'staging'"), e.getMessage());
    assertTrue(e.getMessage().contains("(it has: dev, prod)"), e.getMessage());
  }

  @Test
  void aNamedConfigFileThatIsMissingIsAnError() {
    env.put("TEMPORAL_CONFIG_FILE", home.resolve("nope.toml").toString());
    UsageError e = assertThrows(UsageError.class, this::load);
    assertTrue(e.getMessage().contains("TEMPORAL_CONFIG_FILE names"), e.getMessage());
  }

  @Test
  void aBrokenConfigFileIsAnErrorNamingIt() throws Exception {
    Path file = profileFile("[profile.default\naddress = ");
    env.put("TEMPORAL_CONFIG_FILE", file.toString());
    UsageError e = assertThrows(UsageError.class, this::load);
    assertTrue(
        e.getMessage().contains("cannot read Temporal's config file " + file), e.getMessage());
  }

  @Test
  void theDefaultFileFollowsThePlatform() {
    assertEquals(
        Path.of("/h/Library/Application Support/temporalio/temporal.toml"),
        TemporalSettingsLoader.defaultConfigFile("/h", "Mac OS X", Map.of()));
    assertEquals(
        Path.of("/h/.config/temporalio/temporal.toml"),
        TemporalSettingsLoader.defaultConfigFile("/h", "Linux", Map.of()));
  }
}
