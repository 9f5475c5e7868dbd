package dev.braid.activities.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub's explanation of an error, from the body it documents for client errors: {@code
 * {"message": "Validation Failed", "errors": [{"resource", "field", "code", "message"}]}}. The
 * {@code errors} entries carry the useful part ("A pull request already exists for o:b."), or,
 * without a message, which field was wrong.
 */
final class GitHubErrorBody {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Enough of a non-JSON body (an HTML error page) to recognise it. */
  private static final int RAW_CHARS = 200;

  private GitHubErrorBody() {}

  /**
   * One line such as {@code Validation Failed: A pull request already exists for o:b.}; the start
   * of the body when it is not GitHub's JSON; empty for no body.
   */
  static String explain(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject() || !root.hasNonNull("message")) {
      String raw = body.strip().replaceAll("\\s+", " ");
      return raw.length() <= RAW_CHARS ? raw : raw.substring(0, RAW_CHARS) + "...";
    }
    List<String> details = new ArrayList<>();
    for (JsonNode error : root.path("errors")) {
      details.add(detail(error));
    }
    String message = root.get("message").asText();
    return details.isEmpty() ? message : message + ": " + String.join("; ", details);
  }

  private static String detail(JsonNode error) {
    if (error.isTextual()) {
      return error.asText();
    }
    if (error.hasNonNull("message")) {
      return error.get("message").asText();
    }
    String where = error.path("resource").asText("") + " " + error.path("field").asText("");
    return (where.strip() + " " + error.path("code").asText("invalid")).strip();
  }
}
