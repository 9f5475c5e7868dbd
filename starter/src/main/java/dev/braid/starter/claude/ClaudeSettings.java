package dev.braid.starter.claude;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.braid.starter.cli.UsageError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A repository's {@code .claude/settings.json}, with permission rules merged into it: every key and
 * rule already there is kept, in its order, and only the missing rules are appended to {@code
 * permissions.allow}. A file braid cannot read as a JSON object is left alone and refused, naming
 * the file and the field.
 */
final class ClaudeSettings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final ObjectNode root;
  private final ArrayNode allow;
  private final List<String> added = new ArrayList<>();

  private ClaudeSettings(Path file, ObjectNode root, ArrayNode allow) {
    this.file = file;
    this.root = root;
    this.allow = allow;
  }

  /** Reads the file, or starts an empty one when there is none; changes nothing on disk. */
  static ClaudeSettings read(Path file) {
    ObjectNode root = JSON.createObjectNode();
    if (Files.exists(file)) {
      JsonNode read;
      try {
        read = JSON.readTree(Files.readString(file));
      } catch (JsonProcessingException e) {
        var at = e.getLocation();
        throw new UsageError(
            file
                + " is not valid JSON"
                + (at == null
                    ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                + ": "
                + e.getOriginalMessage()
                + "; nothing was changed");
      } catch (IOException e) {
        throw new UsageError("cannot read " + file + ": " + e.getMessage());
      }
      if (read != null && !read.isMissingNode()) {
        if (!(read instanceof ObjectNode object)) {
          throw new UsageError(file + " must hold a JSON object; nothing was changed");
        }
        root = object;
      }
    }
    JsonNode permissions = root.get("permissions");
    if (permissions == null) {
      permissions = root.putObject("permissions");
    } else if (!(permissions instanceof ObjectNode)) {
      throw new UsageError(file + ": permissions must be an object; nothing was changed");
    }
    JsonNode allow = permissions.get("allow");
    if (allow == null) {
      allow = ((ObjectNode) permissions).putArray("allow");
    } else if (!(allow instanceof ArrayNode)) {
      throw new UsageError(file + ": permissions.allow must be a list; nothing was changed");
    }
    return new ClaudeSettings(file, root, (ArrayNode) allow);
  }

  /** Adds the rules not already allowed. */
  void allow(List<String> rules) {
    for (String rule : rules) {
      boolean present = false;
      for (JsonNode existing : allow) {
        present |= rule.equals(existing.asText());
      }
      if (!present) {
        allow.add(rule);
        added.add(rule);
      }
    }
  }

  /** The rules that {@link #allow} added. */
  List<String> added() {
    return List.copyOf(added);
  }

  /**
   * Writes the file when a rule was added, through a temporary file, so it is never half written.
   */
  void write() throws IOException {
    if (added.isEmpty()) {
      return;
    }
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    String text = JSON.writer(printer).writeValueAsString(root) + "\n";
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), "settings", ".json.tmp");
    Files.writeString(temporary, text);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
