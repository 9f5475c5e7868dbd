package dev.braid.starter.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.braid.starter.cli.UsageError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a Claude Code transcript (JSON Lines, one record a line) and finds the last assistant
 * message holding a plan. A message's text is its {@code message.content}: a plain string, or the
 * {@code text} blocks of a list of content blocks. Records of subagents ({@code isSidechain}) are
 * not the conversation the user had and are passed over, and so is a line that is no JSON (the
 * session may be writing its last line while braid reads).
 */
public final class TranscriptScanner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TranscriptScanner() {}

  /** The last plan of the transcript, or empty when it holds none. */
  public static Optional<PlanMessage> lastPlan(Path transcript) {
    PlanMessage last = null;
    int plans = 0;
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE);
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(Files.newInputStream(transcript), decoder))) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (!PlanMarkers.mayHoldPlan(line)) {
          continue;
        }
        Optional<String> text = assistantText(line);
        if (text.isPresent() && PlanMarkers.isPlan(text.get())) {
          plans++;
          last = new PlanMessage(transcript, number, text.get(), plans);
        }
      }
    } catch (IOException e) {
      throw new UsageError("cannot read the transcript " + transcript + ": " + e.getMessage());
    }
    if (last == null) {
      return Optional.empty();
    }
    return Optional.of(new PlanMessage(transcript, last.line(), last.text(), plans));
  }

  /** The text of an assistant record of the main conversation. */
  static Optional<String> assistantText(String line) {
    JsonNode record;
    try {
      record = JSON.readTree(line);
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
    if (record == null
        || !"assistant".equals(record.path("type").asText())
        || record.path("isSidechain").asBoolean(false)) {
      return Optional.empty();
    }
    JsonNode content = record.path("message").path("content");
    if (content.isTextual()) {
      return Optional.of(content.asText());
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
        if (!text.isEmpty()) {
          text.append('\n');
        }
        text.append(block.path("text").asText());
      }
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
  }
}
