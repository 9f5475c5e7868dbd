package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one request: records it, checks the token, answers with a canned reply when a test queued
 * one, else hands it to the endpoint for its method and path. Requests are served one at a time,
 * under the state's lock; a held answer waits with the lock released, so the requests after it are
 * served meanwhile.
 */
final class Router {
  private static final Pattern REPO = Pattern.compile("^/repos/([^/]+)/([^/]+)(/.*)?$");
  private static final Pattern PULL =
      Pattern.compile("^/pulls/(\\d+)(/merge|/reviews|/comments)?$");
  private static final Pattern ISSUE = Pattern.compile("^/issues/(\\d+)(/comments|/labels)?$");
  private static final Pattern USER = Pattern.compile("^/users/([^/]+)$");
  private static final Pattern CHECKS = Pattern.compile("^/commits/(.+)/check-runs$");

  private final GitHubState state;
  private final PullEndpoints pulls;
  private final IssueEndpoints issues;
  private final FeedbackEndpoints feedback;

  Router(GitHubState state) {
    this.state = state;
    this.pulls = new PullEndpoints(state);
    this.issues = new IssueEndpoints(state);
    this.feedback = new FeedbackEndpoints(state);
  }

  void handle(HttpExchange exchange) throws IOException {
    try {
      synchronized (state) {
        serve(exchange);
        // A test waiting for a pull request to appear or change looks again.
        state.notifyAll();
      }
    } catch (IOException clientGone) {
      // The connection failed under the request (a killed worker's socket, "Broken pipe"): that
      // is the client's doing, and GitHub would not notice either.
      throw clientGone;
    } catch (RuntimeException e) {
      // A bug in the stand-in must fail the test visibly, not surface as a dropped connection.
      synchronized (state) {
        state.unexpected.add("fake failed: " + e);
      }
      throw e;
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    JsonNode body = HttpIo.readBody(exchange.getRequestBody());
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    state.requests.add(new RecordedRequest(method, path, rawQuery, authorization, body));
    if (!("token " + state.token).equals(authorization)
        && !("Bearer " + state.token).equals(authorization)) {
      HttpIo.send(exchange, Reply.error(401, "Bad credentials"));
      return;
    }
    for (Canned c : state.canned) {
      if (c.matches(method, path)) {
        state.canned.remove(c);
        HttpIo.send(exchange, c.reply());
        return;
      }
    }
    Reply reply = route(method, path, HttpIo.query(rawQuery), body);
    if (reply.status() == 201 && path.endsWith("/pulls") && state.holdNextCreate) {
      holdThenSend(exchange, reply);
      return;
    }
    HttpIo.send(exchange, reply);
  }

  private Reply route(String method, String path, Map<String, String> query, JsonNode body) {
    Matcher user = USER.matcher(path);
    if (user.matches() && method.equals("GET")) {
      // "Get a user": github-api reads a review's author through it.
      return Reply.ok(state.json.user(user.group(1)));
    }
    Matcher repo = REPO.matcher(path);
    if (!repo.matches()
        || !repo.group(1).equals(state.owner)
        || !repo.group(2).equals(state.name)) {
      return notFound(method, path, !repo.matches());
    }
    String rest = repo.group(3) == null ? "" : repo.group(3);
    String call = method + " " + rest;
    Matcher pull = PULL.matcher(rest);
    Matcher issue = ISSUE.matcher(rest);
    Matcher checks = CHECKS.matcher(rest);
    if (rest.isEmpty() && method.equals("GET")) {
      return Reply.ok(state.json.repository());
    } else if (rest.equals("/pulls")) {
      return method.equals("GET")
          ? pulls.list(path, query)
          : method.equals("POST") ? pulls.create(body) : notFound(method, path, true);
    } else if (rest.equals("/issues")) {
      return method.equals("GET")
          ? issues.list(path, query)
          : method.equals("POST") ? issues.create(body) : notFound(method, path, true);
    } else if (pull.matches() && state.pulls.containsKey(number(pull))) {
      return pullCall(method, path, pull, query, body);
    } else if (issue.matches()) {
      return issueCall(method, path, issue, query, body);
    } else if (checks.matches() && method.equals("GET")) {
      return feedback.checkRuns(checks.group(1), query);
    }
    return notFound(method, path, !call.startsWith("GET /pulls/"));
  }

  private Reply pullCall(
      String method, String path, Matcher m, Map<String, String> query, JsonNode body) {
    ObjectNode pr = state.pulls.get(number(m));
    String sub = m.group(2) == null ? "" : m.group(2);
    return switch (method + " " + sub) {
      case "GET " -> pulls.get(pr);
      case "PATCH " -> pulls.update(pr, body);
      case "PUT /merge" -> pulls.merge(pr, body);
      case "GET /merge" ->
          pr.get("merged").asBoolean() ? new Reply(204, "", Map.of()) : Reply.notFound();
      case "GET /reviews" -> feedback.reviews(path, pr, query);
      case "GET /comments" -> feedback.reviewComments(path, pr, query);
      default -> notFound(method, path, true);
    };
  }

  private Reply issueCall(
      String method, String path, Matcher m, Map<String, String> query, JsonNode body) {
    int number = number(m);
    String sub = m.group(2) == null ? "" : m.group(2);
    return switch (method + " " + sub) {
      case "GET " -> issues.get(number);
      case "PATCH " -> issues.update(number, body);
      case "GET /comments" -> issues.comments(path, number, query);
      case "POST /comments" -> issues.comment(number, body);
      case "POST /labels" -> issues.addLabels(number, body);
      default -> notFound(method, path, true);
    };
  }

  private void holdThenSend(HttpExchange exchange, Reply reply) throws IOException {
    state.holdNextCreate = false;
    state.holding = true;
    state.notifyAll();
    while (state.holding) {
      try {
        state.wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    try {
      HttpIo.send(exchange, reply);
    } catch (IOException clientGone) {
      // The client died while the answer was held: GitHub would not notice either.
    }
  }

  /**
   * A 404. Asking for a pull request that does not exist is a fair question; anything else is a
   * call to an endpoint the stand-in does not serve, listed in {@link FakeGitHub#unexpected()}.
   */
  private Reply notFound(String method, String path, boolean unforeseen) {
    if (unforeseen) {
      state.unexpected.add(method + " " + path);
    }
    return Reply.notFound();
  }

  private static int number(Matcher m) {
    return Integer.parseInt(m.group(1));
  }
}
