package dev.braid.testsupport.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the stand-in's repository holds and what it was asked, for a test's assertions. Every value
 * returned is a copy, so a test cannot change GitHub by accident.
 */
public abstract class GitHubInspection {
  final GitHubState state;

  GitHubInspection(GitHubState state) {
    this.state = state;
  }

  /** The pull requests' head branches, in the order they were created, closed ones too. */
  public List<String> pullHeads() {
    synchronized (state) {
      return state.pulls.values().stream().map(pr -> pr.at("/head/ref").asText()).toList();
    }
  }

  /**
   * The pull request as "Get a pull request" shows it now: its head read from the origin, and
   * whether it is {@code mergeable}.
   */
  public ObjectNode pull(int number) {
    synchronized (state) {
      return (ObjectNode) new PullEndpoints(state).get(state.pulls.get(number)).body();
    }
  }

  public int pullCount() {
    synchronized (state) {
      return state.pulls.size();
    }
  }

  /** The numbers of the pull requests whose head is {@code branch}, closed ones too. */
  public List<Integer> pullsFor(String branch) {
    synchronized (state) {
      return state.pulls.values().stream()
          .filter(pr -> pr.at("/head/ref").asText().equals(branch))
          .map(pr -> pr.get("number").asInt())
          .toList();
    }
  }

  /**
   * Waits until a pull request for {@code branch} exists, as a test that merges pull requests in
   * order must.
   *
   * @return its number
   */
  public int awaitPull(String branch, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    synchronized (state) {
      while (pullsFor(branch).isEmpty()) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new AssertionError("no pull request for " + branch + " within " + timeout);
        }
        state.wait(Math.min(left, 200));
      }
      return pullsFor(branch).get(0);
    }
  }

  /**
   * Waits until the pull request is as {@code condition} wants it, read as {@link #pull} shows it,
   * such as retargeted onto {@code main} before a test merges it.
   *
   * @param what what is awaited, for the failure's message
   * @return the pull request as it was when the condition held
   */
  public ObjectNode awaitPull(
      int number, Predicate<ObjectNode> condition, String what, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    synchronized (state) {
      while (true) {
        ObjectNode pr = pull(number);
        if (condition.test(pr)) {
          return pr;
        }
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new AssertionError(
              "pull request #" + number + " was not " + what + " within " + timeout + ": " + pr);
        }
        state.wait(Math.min(left, 200));
      }
    }
  }

  /** The issues, pull requests left out, in the order they were opened. */
  public List<ObjectNode> issues() {
    synchronized (state) {
      return state.issues.values().stream().map(ObjectNode::deepCopy).toList();
    }
  }

  public ObjectNode issue(int number) {
    synchronized (state) {
      return state.issues.get(number).deepCopy();
    }
  }

  /** The comments on an issue or a pull request's conversation, oldest first. */
  public List<ObjectNode> issueComments(int number) {
    synchronized (state) {
      return state.comments.getOrDefault(number, List.of()).stream()
          .map(ObjectNode::deepCopy)
          .toList();
    }
  }

  /** The reviews submitted on a pull request, oldest first. */
  public List<ObjectNode> reviews(int number) {
    synchronized (state) {
      return state.reviews.reviews(number).stream().map(ObjectNode::deepCopy).toList();
    }
  }

  public List<RecordedRequest> requests() {
    synchronized (state) {
      return List.copyOf(state.requests);
    }
  }

  /** The received requests whose {@code METHOD path} matches {@code line}, a regex. */
  public List<RecordedRequest> requests(String line) {
    synchronized (state) {
      return state.requests.stream().filter(r -> r.line().matches(line)).toList();
    }
  }

  /** Requests to endpoints this stand-in does not serve: the client called something unforeseen. */
  public List<String> unexpected() {
    synchronized (state) {
      return List.copyOf(state.unexpected);
    }
  }
}
