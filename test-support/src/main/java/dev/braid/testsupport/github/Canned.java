package dev.braid.testsupport.github;

import java.util.Map;
import java.util.regex.Pattern;

/** An answer a test queued for the next request whose method and path match, used once. */
record Canned(String method, Pattern path, int status, String body, Map<String, String> headers) {

  boolean matches(String requestMethod, String requestPath) {
    return method.equals(requestMethod) && path.matcher(requestPath).matches();
  }

  Reply reply() {
    return new Reply(status, body, headers);
  }
}
