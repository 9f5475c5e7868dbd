package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server for one repository that speaks the GitHub REST endpoints the pull-request client
 * calls, with GitHub's documented request and response shapes and status codes:
 *
 * <ul>
 *   <li>{@code GET /repos/{owner}/{repo}} (404 for any other repository);
 *   <li>{@code GET /repos/{owner}/{repo}/pulls?head=owner:branch&state=open};
 *   <li>{@code POST /repos/{owner}/{repo}/pulls}: 201, or 422 for a missing branch or a head that
 *       already has an open pull request;
 *   <li>{@code PATCH /repos/{owner}/{repo}/pulls/{number}};
 *   <li>{@code POST /repos/{owner}/{repo}/issues/{number}/labels}.
 * </ul>
 *
 * <p>Every request must carry {@code Authorization: token <t>} or {@code Bearer <t>}, else 401 "Bad
 * credentials". Anything else is answered 404 and listed in {@link #unexpected()}. Tests can queue
 * a canned answer for the next matching request ({@link #failNext}) and make the next listing miss
 * open pull requests, as GitHub's search index sometimes does ({@link #hideOpenPullsOnce()}).
 *
 * <p>For end-to-end tests, the branches GitHub has can be those of a real bare repository that
 * braid pushes to ({@link #branchesOf}), and a created pull request's answer can be held back
 * ({@link #holdNextCreatedPull()}), so a test can kill the client after GitHub has created the pull
 * request and before the client learns of it.
 */
public final class FakeGitHub implements AutoCloseable {
  private static final String DOCS = "https://docs.github.com/rest";
  private static final Pattern REPO = Pattern.compile("^/repos/([^/]+)/([^/]+)(/.*)?$");
  private static final Pattern PULL = Pattern.compile("^/pulls/(\\d+)$");
  private static final Pattern LABELS = Pattern.compile("^/issues/(\\d+)/labels$");

  private record Canned(
      String method, Pattern path, int status, String body, Map<String, String> headers) {}

  private final String token;
  private final String owner;
  private final String name;
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final GitHubJson json;
  private final Set<String> branches = new LinkedHashSet<>();
  private final Map<Integer, ObjectNode> pulls = new TreeMap<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final List<String> unexpected = new ArrayList<>();
  private final List<Canned> canned = new ArrayList<>();
  private boolean hideOpenPulls;
  private Predicate<String> remoteHas = b -> false;
  private boolean holdNextCreate;
  private boolean holding;
  private int nextNumber = 1;

  public FakeGitHub(String token, String owner, String name) throws IOException {
    this.token = token;
    this.owner = owner;
    this.name = name;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.json = new GitHubJson(apiUrl(), owner, name);
    server.createContext("/", this::handle);
    // Requests are served one at a time (handle is synchronized), but a held answer waits with
    // the monitor released, so the requests after it are served meanwhile.
    server.setExecutor(handlers);
    server.start();
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Branches the repository has on GitHub, as pushed. */
  public synchronized FakeGitHub branches(String... names) {
    branches.addAll(List.of(names));
    return this;
  }

  /**
   * Makes GitHub also have every branch of the bare repository, as when it is the remote braid
   * pushes to: a branch counts from the moment it is pushed there.
   */
  public synchronized FakeGitHub branchesOf(Path bareRepository) {
    remoteHas = branch -> refExists(bareRepository, branch);
    return this;
  }

  /**
   * Creates the next requested pull request as usual, then holds back the answer until {@link
   * #release()}: GitHub has the pull request, and the client does not know yet.
   */
  public synchronized void holdNextCreatedPull() {
    holdNextCreate = true;
  }

  /** Waits until a created pull request's answer is being held. */
  public synchronized void awaitHeldCreatedPull(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!holding) {
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0) {
        throw new AssertionError("no created pull request was held within " + timeout);
      }
      wait(left);
    }
  }

  /** Sends the held answer, if any, to a client that may no longer be there. */
  public synchronized void release() {
    holdNextCreate = false;
    holding = false;
    notifyAll();
  }

  /** The pull requests' head branches, in the order they were created, closed ones too. */
  public synchronized List<String> pullHeads() {
    return pulls.values().stream().map(pr -> pr.at("/head/ref").asText()).toList();
  }

  /** Puts an open pull request in place, as an earlier run would have left it. */
  public synchronized int addOpenPull(
      String head, String base, String title, String body, String... labels) {
    branches.add(head);
    branches.add(base);
    int number = nextNumber++;
    ObjectNode pr = json.pull(number, head, base, title, body);
    for (String label : labels) {
      ((ArrayNode) pr.get("labels")).add(json.label(label));
    }
    pulls.put(number, pr);
    return number;
  }

  public synchronized ObjectNode pull(int number) {
    return pulls.get(number).deepCopy();
  }

  public synchronized int pullCount() {
    return pulls.size();
  }

  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The received requests whose {@code METHOD path} matches {@code line}, a regex. */
  public synchronized List<RecordedRequest> requests(String line) {
    return requests.stream().filter(r -> r.line().matches(line)).toList();
  }

  /** Requests to endpoints this fake does not serve: the client called something unforeseen. */
  public synchronized List<String> unexpected() {
    return List.copyOf(unexpected);
  }

  /** Answers the next request whose method and path (a regex) match with this, once. */
  public synchronized void failNext(
      String method, String path, int status, String body, Map<String, String> headers) {
    canned.add(new Canned(method, Pattern.compile(path), status, body, Map.copyOf(headers)));
  }

  /** Makes the next listing return no open pull request, as a stale search index would. */
  public synchronized void hideOpenPullsOnce() {
    hideOpenPulls = true;
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    handlers.shutdownNow();
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      JsonNode body = readBody(exchange.getRequestBody());
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(
          new RecordedRequest(
              method, path, exchange.getRequestURI().getRawQuery(), authorization, body));
      if (!authorized(authorization)) {
        send(exchange, 401, GitHubJson.error(401, "Bad credentials", DOCS, null), Map.of());
        return;
      }
      for (Canned c : canned) {
        if (c.method().equals(method) && c.path().matcher(path).matches()) {
          canned.remove(c);
          send(exchange, c.status(), c.body(), c.headers());
          return;
        }
      }
      route(exchange, method, path, query(exchange.getRequestURI().getRawQuery()), body);
    } catch (IOException | RuntimeException e) {
      // A bug in the fake must fail the test visibly, not surface as a dropped connection.
      unexpected.add("fake failed: " + e);
      throw e;
    } finally {
      exchange.close();
    }
  }

  private void route(
      HttpExchange exchange, String method, String path, Map<String, String> query, JsonNode body)
      throws IOException {
    Matcher repo = REPO.matcher(path);
    if (!repo.matches() || !repo.group(1).equals(owner) || !repo.group(2).equals(name)) {
      notFound(exchange, method, path, !repo.matches());
      return;
    }
    String rest = repo.group(3) == null ? "" : repo.group(3);
    Matcher pull = PULL.matcher(rest);
    Matcher labels = LABELS.matcher(rest);
    if (rest.isEmpty() && method.equals("GET")) {
      send(exchange, 200, json.repository(), Map.of());
    } else if (rest.equals("/pulls") && method.equals("GET")) {
      send(exchange, 200, listPulls(query), Map.of());
    } else if (rest.equals("/pulls") && method.equals("POST")) {
      createPull(exchange, body);
    } else if (pull.matches() && method.equals("PATCH") && pulls.containsKey(number(pull))) {
      send(exchange, 200, editPull(pulls.get(number(pull)), body), Map.of());
    } else if (labels.matches() && method.equals("POST") && pulls.containsKey(number(labels))) {
      send(exchange, 200, addLabels(pulls.get(number(labels)), body), Map.of());
    } else {
      notFound(exchange, method, path, true);
    }
  }

  private ArrayNode listPulls(Map<String, String> query) {
    ArrayNode list = GitHubJson.MAPPER.createArrayNode();
    String state = query.getOrDefault("state", "open");
    String head = query.get("head");
    boolean hide = hideOpenPulls;
    hideOpenPulls = false;
    for (ObjectNode pr : pulls.values()) {
      boolean stateMatches = state.equals("all") || state.equals(pr.get("state").asText());
      boolean headMatches = head == null || head.equals(pr.at("/head/label").asText());
      if (stateMatches && headMatches && !(hide && pr.get("state").asText().equals("open"))) {
        list.add(pr);
      }
    }
    return list;
  }

  private void createPull(HttpExchange exchange, JsonNode body) throws IOException {
    List<ObjectNode> errors = new ArrayList<>();
    for (String field : List.of("title", "head", "base")) {
      if (!body.hasNonNull(field)) {
        errors.add(GitHubJson.fieldError(field, "missing_field", null));
      }
    }
    String head = body.path("head").asText();
    String branch = head.startsWith(owner + ":") ? head.substring(owner.length() + 1) : head;
    String base = body.path("base").asText();
    if (errors.isEmpty() && !hasBranch(branch)) {
      errors.add(GitHubJson.fieldError("head", "invalid", null));
    }
    if (errors.isEmpty() && !hasBranch(base)) {
      errors.add(GitHubJson.fieldError("base", "invalid", null));
    }
    if (errors.isEmpty() && pulls.values().stream().anyMatch(pr -> isOpenFor(pr, branch))) {
      errors.add(
          GitHubJson.fieldError(
              null, "custom", "A pull request already exists for " + owner + ":" + branch + "."));
    }
    if (!errors.isEmpty()) {
      ArrayNode list = GitHubJson.MAPPER.createArrayNode().addAll(errors);
      send(exchange, 422, GitHubJson.error(422, "Validation Failed", DOCS, list), Map.of());
      return;
    }
    int number = nextNumber++;
    ObjectNode pr =
        json.pull(number, branch, base, body.get("title").asText(), body.path("body").asText(null));
    pulls.put(number, pr);
    if (holdNextCreate) {
      holdNextCreate = false;
      holding = true;
      notifyAll();
      while (holding) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      try {
        send(exchange, 201, pr, Map.of("Location", pr.get("url").asText()));
      } catch (IOException clientGone) {
        // The client died while the answer was held: GitHub would not notice either.
      }
      return;
    }
    send(exchange, 201, pr, Map.of("Location", pr.get("url").asText()));
  }

  private boolean hasBranch(String branch) {
    return branches.contains(branch) || remoteHas.test(branch);
  }

  private static boolean refExists(Path bareRepository, String branch) {
    try {
      Process git =
          new ProcessBuilder(
                  "git",
                  "--git-dir",
                  bareRepository.toString(),
                  "rev-parse",
                  "--verify",
                  "--quiet",
                  "refs/heads/" + branch)
              .redirectErrorStream(true)
              .start();
      git.getInputStream().readAllBytes();
      return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private ObjectNode editPull(ObjectNode pr, JsonNode body) {
    for (String field : List.of("title", "body", "state")) {
      if (body.has(field)) {
        pr.set(field, body.get(field));
      }
    }
    if (body.has("base")) {
      pr.set("base", json.branchPointer(body.get("base").asText()));
    }
    return pr;
  }

  private ArrayNode addLabels(ObjectNode pr, JsonNode body) {
    ArrayNode labels = (ArrayNode) pr.get("labels");
    for (JsonNode label : body.path("labels")) {
      boolean present = false;
      for (JsonNode existing : labels) {
        present |= existing.get("name").asText().equals(label.asText());
      }
      if (!present) {
        labels.add(json.label(label.asText()));
      }
    }
    return labels.deepCopy();
  }

  private boolean isOpenFor(ObjectNode pr, String branch) {
    return pr.get("state").asText().equals("open") && pr.at("/head/ref").asText().equals(branch);
  }

  private boolean authorized(String authorization) {
    return ("token " + token).equals(authorization) || ("Bearer " + token).equals(authorization);
  }

  private void notFound(HttpExchange exchange, String method, String path, boolean unforeseen)
      throws IOException {
    if (unforeseen) {
      unexpected.add(method + " " + path);
    }
    send(exchange, 404, GitHubJson.error(404, "Not Found", DOCS, null), Map.of());
  }

  private static int number(Matcher m) {
    return Integer.parseInt(m.group(1));
  }

  private static JsonNode readBody(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    return bytes.length == 0 ? MissingNode.getInstance() : GitHubJson.MAPPER.readTree(bytes);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static void send(
      HttpExchange exchange, int status, Object body, Map<String, String> headers)
      throws IOException {
    byte[] bytes =
        (body instanceof String s ? s : GitHubJson.MAPPER.writeValueAsString(body))
            .getBytes(StandardCharsets.UTF_8);
    var out = exchange.getResponseHeaders();
    out.set("Content-Type", "application/json; charset=utf-8");
    out.set("X-GitHub-Media-Type", "github.v3; format=json");
    out.set("X-GitHub-Api-Version-Selected", "2022-11-28");
    out.set("X-RateLimit-Limit", "5000");
    out.set("X-RateLimit-Remaining", "4999");
    out.set("X-RateLimit-Reset", "4102444800");
    out.set("X-RateLimit-Used", "1");
    out.set("X-RateLimit-Resource", "core");
    headers.forEach(out::set);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
