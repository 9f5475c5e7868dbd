package dev.braid.testsupport.github;

import java.util.Map;

/**
 * What {@link FakeGitHub} answers one request with, built by an endpoint and sent by the router, so
 * that the router alone decides when it leaves (a held answer waits for {@link
 * FakeGitHub#release}).
 *
 * @param status the HTTP status
 * @param body a JSON node, or a String sent as it is
 * @param headers headers besides the ones every answer carries
 */
record Reply(int status, Object body, Map<String, String> headers) {
  static final String DOCS = "https://docs.github.com/rest";

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply ok(Object body) {
    return new Reply(200, body, Map.of());
  }

  static Reply created(Object body, String location) {
    return new Reply(201, body, Map.of("Location", location));
  }

  /** GitHub's client error body, {@code {"message", "documentation_url", "status"}}. */
  static Reply error(int status, String message) {
    return new Reply(status, GitHubJson.error(status, message, DOCS, null), Map.of());
  }

  static Reply notFound() {
    return error(404, "Not Found");
  }
}
