package dev.braid.starter.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The demo project's files on the classpath, listed in {@code demo/manifest.txt}: a folder inside a
 * jar cannot be listed reliably, and some build tools drop dotfiles, so each line names the
 * resource and, when it differs, the path it gets in the new repository.
 */
final class DemoTemplate {
  static final String ROOT = "demo/";
  static final String MANIFEST = ROOT + "manifest.txt";

  private DemoTemplate() {}

  /** One file of the template. */
  record Entry(String resource, String target) {}

  /** The manifest's entries, in order. */
  static List<Entry> entries() {
    return read(MANIFEST)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(DemoTemplate::entry)
        .toList();
  }

  /**
   * Writes every entry under {@code dir}, replacing each {@code {{KEY}}} of {@code values} in the
   * files' text.
   */
  static void copyTo(Path dir, Map<String, String> values) {
    for (Entry entry : entries()) {
      String text = read(ROOT + entry.resource());
      for (Map.Entry<String, String> value : values.entrySet()) {
        text = text.replace("{{" + value.getKey() + "}}", value.getValue());
      }
      Path target = dir.resolve(entry.target()).normalize();
      if (!target.startsWith(dir)) {
        throw new DemoException(MANIFEST + ": " + entry.target() + " leaves the project folder");
      }
      try {
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new DemoException("cannot write " + target, e);
      }
    }
  }

  private static Entry entry(String line) {
    String[] parts = line.split("\\s+");
    if (parts.length > 2) {
      throw new DemoException(MANIFEST + ": expected `resource [target]`, got `" + line + "`");
    }
    return new Entry(parts[0], parts.length == 2 ? parts[1] : parts[0]);
  }

  private static String read(String resource) {
    try (InputStream in = DemoTemplate.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new DemoException("the demo template resource " + resource + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DemoException("cannot read the demo template resource " + resource, e);
    }
  }
}
