package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.braid.activity.Usage;
import org.junit.jupiter.api.Test;

class UsageParserTest {

  @Test
  void readsTheLastResultObject() {
    String out =
        "starting\n"
            + "{\"type\":\"result\",\"total_cost_usd\":9.9,\"usage\":{\"input_tokens\":1}}\n"
            + "{\"type\":\"assistant\",\"message\":{}}\n"
            + "  {\"type\":\"result\",\"subtype\":\"success\",\"total_cost_usd\":0.5,"
            + "\"num_turns\":3,\"session_id\":\"abc\",\"usage\":{\"input_tokens\":10,"
            + "\"cache_creation_input_tokens\":5,\"cache_read_input_tokens\":1000,"
            + "\"output_tokens\":42}}  \n"
            + "bye\n";
    assertEquals(new Usage(0.5, 1015L, 42L, 3, "abc"), UsageParser.parse(out));
  }

  @Test
  void missingFieldsStayUnknown() {
    assertEquals(
        new Usage(null, 7L, null, null, null),
        UsageParser.parse("{\"type\":\"result\",\"usage\":{\"input_tokens\":7}}"));
  }

  @Test
  void withoutAResultNothingIsGuessed() {
    assertEquals(Usage.unknown(), UsageParser.parse(""));
    assertEquals(Usage.unknown(), UsageParser.parse("cost: $3\n{\"type\":\"result\", broken\n"));
    assertEquals(
        Usage.unknown(), UsageParser.parse("{\"type\":\"assistant\",\"result\":\"no\"}\n"));
  }
}
