package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request {@link FakeGitHub} received.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the raw query, or null
 * @param authorization the {@code Authorization} header, or null
 * @param body the JSON body, or a missing node
 */
public record RecordedRequest(
    String method, String path, String query, String authorization, JsonNode body) {

  /** Such as {@code POST /repos/o/r/pulls}. */
  public String line() {
    return method + " " + path;
  }
}
