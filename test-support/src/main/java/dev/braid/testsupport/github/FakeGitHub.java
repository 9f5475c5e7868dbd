package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A local stand-in for one GitHub repository, on loopback only, speaking the REST endpoints braid
 * calls with GitHub's documented request and response shapes and status codes: the repository; pull
 * requests (list by head and state, create, get, update title, body, base and state, merge); issues
 * (list by labels and state, create, get, update, comments, labels); a commit's check runs; a pull
 * request's reviews and review comments. Lists are paged as GitHub pages them.
 *
 * <p>Every request must carry {@code Authorization: token <t>} or {@code Bearer <t>}, else 401 "Bad
 * credentials". Anything else is answered 404 and listed in {@link #unexpected()}.
 *
 * <p>What a test can script: canned answers ({@link #failNext}); a listing that misses open pull
 * requests ({@link #hideOpenPullsOnce()}); a created pull request's answer held back ({@link
 * #holdNextCreatedPull()}); a real bare origin whose branches are GitHub's and whose base branch a
 * merge moves ({@link #branchesOf}); required checks that fail on chosen commits ({@link
 * #requireChecks}, {@link #failCheck}); reviewers that request changes ({@link
 * #requestChangesOnce}, {@link #submitReview}); and merging or closing as a human would ({@link
 * #merge}, {@link #closePull}). {@link GitHubInspection} reads what clients left and waits for what
 * they will do ({@link #awaitPull(String, Duration)}).
 *
 * <p>A typical end-to-end script: {@code branchesOf(origin).requireChecks("ci")}, {@code
 * failCheckOnce("feature/a", "ci", log)}, {@code requestChangesOnce("feature/b", "octocat", "...",
 * new ReviewComment("app.py", 3, "..."))}; then, in dependency order, {@code int a =
 * awaitPull("feature/a", timeout)}, wait for it to go green, {@code merge(a)}, and {@code
 * awaitPull(b, pr -> pr.at("/base/ref").asText().equals("main"), "retargeted", timeout)} before
 * merging the next. The endpoints also serve "Get a user", which github-api reads a review's author
 * through.
 */
public final class FakeGitHub extends GitHubInspection implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool();

  public FakeGitHub(String token, String owner, String name) throws IOException {
    this(loopback(), token, owner, name);
  }

  private FakeGitHub(HttpServer server, String token, String owner, String name) {
    super(new GitHubState(token, owner, name, "http://127.0.0.1:" + server.getAddress().getPort()));
    this.server = server;
    Router router = new Router(state);
    server.createContext("/", router::handle);
    server.setExecutor(handlers);
    server.start();
  }

  public String apiUrl() {
    return state.json.apiUrl();
  }

  /** Branches the repository has on GitHub, as pushed. */
  public FakeGitHub branches(String... names) {
    synchronized (state) {
      state.branches.addAll(List.of(names));
    }
    return this;
  }

  /**
   * Makes the bare repository GitHub's copy, as when it is the remote braid pushes to: a branch
   * counts from the moment it is pushed there, a pull request's head is its branch's commit there,
   * and merging a pull request writes the merge commit there and moves its base branch.
   */
  public FakeGitHub branchesOf(Path bareRepository) {
    synchronized (state) {
      state.origin = new BareOrigin(bareRepository);
    }
    return this;
  }

  /**
   * Creates the next requested pull request as usual, then holds back the answer until {@link
   * #release()}: GitHub has the pull request, and the client does not know yet.
   */
  public void holdNextCreatedPull() {
    synchronized (state) {
      state.holdNextCreate = true;
    }
  }

  /** Waits until a created pull request's answer is being held. */
  public void awaitHeldCreatedPull(Duration timeout) throws InterruptedException {
    synchronized (state) {
      Instant deadline = Instant.now().plus(timeout);
      while (!state.holding) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new AssertionError("no created pull request was held within " + timeout);
        }
        state.wait(left);
      }
    }
  }

  /** Sends the held answer, if any, to a client that may no longer be there. */
  public void release() {
    synchronized (state) {
      state.holdNextCreate = false;
      state.holding = false;
      state.notifyAll();
    }
  }

  /** Puts an open pull request in place, as an earlier run would have left it. */
  public int addOpenPull(String head, String base, String title, String body, String... labels) {
    synchronized (state) {
      state.branches.add(head);
      state.branches.add(base);
      int number = state.nextNumber++;
      ObjectNode pr = state.json.pull(number, head, base, title, body);
      for (String label : labels) {
        ((ArrayNode) pr.get("labels")).add(state.json.label(label));
      }
      state.pulls.put(number, pr);
      return number;
    }
  }

  /** Puts an issue in place, as a human or an earlier run would have opened it. */
  public int addIssue(String title, String body, String... labels) {
    synchronized (state) {
      int number = state.nextNumber++;
      ObjectNode issue = state.json.issue(number, title, body);
      for (String label : labels) {
        ((ArrayNode) issue.get("labels")).add(state.json.label(label));
      }
      state.issues.put(number, issue);
      return number;
    }
  }

  /** Answers the next request whose method and path (a regex) match with this, once. */
  public void failNext(
      String method, String path, int status, String body, Map<String, String> headers) {
    synchronized (state) {
      state.canned.add(
          new Canned(method, Pattern.compile(path), status, body, Map.copyOf(headers)));
    }
  }

  /** Makes the next listing return no open pull request, as a stale search index would. */
  public void hideOpenPullsOnce() {
    synchronized (state) {
      state.hideOpenPulls = true;
    }
  }

  /**
   * Checks that run on every commit, as a repository's CI workflow would: each passes unless a
   * {@link #failCheck} rule is spent on the commit.
   */
  public FakeGitHub requireChecks(String... names) {
    synchronized (state) {
      state.checks.require(List.of(names));
    }
    return this;
  }

  /** Keeps a commit's required checks in progress for its first {@code reads} listings. */
  public FakeGitHub checksPendingFor(int reads) {
    synchronized (state) {
      state.checks.pendingFor(reads);
    }
    return this;
  }

  /**
   * Fails the required check {@code check} on the first {@code times} head commits of {@code
   * branch} that anyone asks about, with {@code title} and {@code log} as the run's output title
   * and text; later commits pass.
   */
  public FakeGitHub failCheck(String branch, String check, int times, String title, String log) {
    synchronized (state) {
      state.checks.script(new CheckScript(branch, check, times, title, log));
    }
    return this;
  }

  /** {@link #failCheck} once: the branch's first head fails, every later one passes. */
  public FakeGitHub failCheckOnce(String branch, String check, String log) {
    return failCheck(branch, check, 1, check + " failed", log);
  }

  /**
   * Adds a check run to a commit as stated, such as one a second CI system reports.
   *
   * @param conclusion such as {@code success} or {@code failure}; null for a run in progress
   * @return the run's id
   */
  public long addCheckRun(
      String sha, String name, String conclusion, String title, String summary, String text) {
    synchronized (state) {
      return state.checks.add(sha, name, conclusion, title, summary, text).get("id").asLong();
    }
  }

  /**
   * Makes {@code reviewer} request changes on the pull request of {@code branch} (on its head the
   * first time its reviews are read), then approve once its head has moved.
   */
  public FakeGitHub requestChangesOnce(
      String branch, String reviewer, String body, ReviewComment... comments) {
    synchronized (state) {
      state.reviews.script(new ReviewScript(branch, reviewer, body, List.of(comments)));
    }
    return this;
  }

  /**
   * Submits a review on the pull request's current head.
   *
   * @return the review's id
   */
  public long submitReview(
      int number, String reviewer, ReviewState review, String body, ReviewComment... comments) {
    synchronized (state) {
      ObjectNode pr = state.refreshed(pull(number, state));
      return state
          .reviews
          .submit(number, pr.at("/head/sha").asText(), reviewer, review, body, List.of(comments))
          .get("id")
          .asLong();
    }
  }

  /**
   * Merges the pull request as a human pressing the button would: a merge commit on its base (in
   * the origin, when there is one).
   *
   * @return the merge commit
   * @throws IllegalStateException with GitHub's answer when it would refuse (405, 409)
   */
  public String merge(int number) {
    synchronized (state) {
      Reply reply = new PullMerger(state).merge(pull(number, state), MissingNode.getInstance());
      if (reply.status() != 200) {
        throw new IllegalStateException(
            "GitHub would answer " + reply.status() + ": " + reply.body());
      }
      state.notifyAll();
      return ((ObjectNode) reply.body()).get("sha").asText();
    }
  }

  /** Closes the pull request without merging it, as a human may. */
  public void closePull(int number) {
    synchronized (state) {
      ObjectNode pr = pull(number, state);
      pr.put("state", "closed").put("closed_at", GitHubJson.now());
      state.notifyAll();
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    handlers.shutdownNow();
  }

  private static ObjectNode pull(int number, GitHubState state) {
    ObjectNode pr = state.pulls.get(number);
    if (pr == null) {
      throw new IllegalArgumentException("no pull request #" + number);
    }
    return pr;
  }

  private static HttpServer loopback() throws IOException {
    return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
  }
}
