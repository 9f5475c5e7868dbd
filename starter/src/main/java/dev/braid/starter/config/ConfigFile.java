package dev.braid.starter.config;

import dev.braid.activities.plan.BoundedText;
import dev.braid.activities.plan.SafeYaml;
import dev.braid.activities.plan.YamlSyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code braid.yaml} as plans are read: a regular UTF-8 file within the size limit, loaded
 * with duplicate keys refused and aliases and nesting bounded. An agent can edit this file and
 * braid merges it, so it is input like any other.
 */
final class ConfigFile {

  private ConfigFile() {}

  /** The file's top-level mapping; empty for an empty file. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(Path file) {
    String text;
    try {
      text = BoundedText.read(file);
    } catch (BoundedText.Refused e) {
      throw new ConfigException(List.of(file + ": " + e.getMessage()));
    }
    Object doc;
    try {
      doc = SafeYaml.load(text);
    } catch (YamlSyntaxException e) {
      throw new ConfigException(List.of(file + ": not valid YAML: " + e.getMessage()));
    }
    if (doc == null) {
      return Map.of();
    }
    if (!(doc instanceof Map)) {
      throw new ConfigException(
          List.of(file + ": the top level must be a mapping, not " + YamlKinds.of(doc)));
    }
    for (Object key : ((Map<?, ?>) doc).keySet()) {
      if (!(key instanceof String)) {
        throw new ConfigException(
            List.of(file + ": " + YamlKinds.key(key) + ": keys must be plain names"));
      }
    }
    return (Map<String, Object>) doc;
  }
}
