package dev.braid.testsupport.anthropic;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@link FakeAnthropic} as a process of its own, for scripts such as {@code bench/} that drive the
 * real CLI outside a test. Its argument is a JSON file mapping each task id to its conversations,
 * each a list of turns, each a list of Messages API content blocks ({@link ModelTurn#content()}).
 * It prints the base URL on a line of its own, serves until its standard input closes, then prints
 * what it billed and served.
 */
public final class FakeAnthropicServer {
  private FakeAnthropicServer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: FakeAnthropicServer SCRIPT.json");
      System.exit(2);
    }
    Map<String, List<List<List<Map<String, Object>>>>> script =
        new ObjectMapper().readValue(Path.of(args[0]).toFile(), new TypeReference<>() {});
    try (FakeAnthropic api = new FakeAnthropic()) {
      script.forEach(
          (task, conversations) ->
              conversations.forEach(
                  turns ->
                      api.conversation(
                          task, turns.stream().map(ModelTurn::new).toArray(ModelTurn[]::new))));
      System.out.println(api.baseUrl());
      System.out.flush();
      InputStream in = System.in;
      while (in.read() >= 0) {
        // Nothing to read: the caller closing stdin is the signal to stop.
      }
      System.out.printf(
          "requests %d, billed input tokens %d, output tokens %d%n",
          api.requests().size(), api.billedInputTokens(), api.billedOutputTokens());
    }
  }
}
