package dev.braid.starter.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.braid.starter.testsupport.BraidLauncher;
import dev.braid.starter.testsupport.Git;
import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import dev.braid.testsupport.github.FakeGitHub;
import dev.braid.testsupport.github.ReviewComment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code github: {issues: true, watch: true}} in {@code pr} mode, on the real dev server against
 * the GitHub stand-in, as issue 14 tells it: CI fails one task's first push and a reviewer asks for
 * changes on another's; each goes back to its agent with GitHub's words, and the next push to the
 * same pull request satisfies them. The dependent task starts as soon as its dependency's pull
 * request waits, and its own is stacked on the dependency's branch. A human (the test) then merges
 * the pull requests in dependency order: once the dependency's is merged, braid moves the stacked
 * one onto main and merges main into its branch, without force. The run ends with every task's work
 * on origin's main, one pull request and one issue per task, each pull request closing its task's
 * issue.
 */
@Tag("e2e")
class GitHubWatchIT extends EndToEndTest {
  private static final String TOKEN = "watch-token";
  private static final Duration WAIT = Duration.ofSeconds(90);

  /**
   * A task merged last has been waiting longest, and its looks have doubled meanwhile (1 s, 2 s,
   * ... up to 10 minutes): on a loaded machine the look that sees the merge may come a minute
   * later.
   */
  private static final Duration END_WAIT = Duration.ofMinutes(4);

  private static final String CI_LOG = "FAIL test_schema: expected column 'id' in table users";
  private static final String REVIEW = "Please name the endpoint in docs.txt.";
  private static final String LINE_NOTE = "Which endpoint? Say /users.";

  @Test
  void checksAndReviewsGoBackToTheAgentAndAStackedPullRequestMovesOntoMain() throws Exception {
    try (FakeGitHub github = new FakeGitHub(TOKEN, "octo", "app")) {
      Path origin = TestRepos.bareOrigin(tmp);
      repo = TestRepos.init(tmp.resolve("repo"), "watch");
      Path seen = Files.createDirectories(tmp.resolve("seen"));
      Path agent = guidanceCopyingAgent(seen);
      Files.writeString(
          repo.resolve("braid.yaml"),
          """
          agent:
            tiers:
              - {name: fast, command: ["%s"], attempts: 1, timeout: 2m}
          merge: {mode: pr, repository: octo/app}
          github: {issues: true, watch: true, poll: 1s}
          """
              .formatted(agent));
      Path tasks = Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
      Files.writeString(
          repo.resolve(".parallel/plans/plan.yaml"),
          """
          metadata: {name: watch}
          tasks:
            - {id: schema, name: Write the schema, file: tasks/schema.md, priority: high}
            - {id: docs, name: Document the API, file: tasks/docs.md}
            - {id: api, name: Serve the schema, file: tasks/api.md, dependencies: [schema]}
          """);
      // Each attempt appends a line, so each round of a task is a new commit on its branch.
      for (String[] t :
          List.of(
              new String[] {"schema", "Write the schema"},
              new String[] {"docs", "Document the API"},
              new String[] {"api", "Serve the schema"})) {
        ScriptedAgent.writeTask(
            tasks,
            t[0],
            t[1],
            "{\"files\": {\"out/%s.txt\": \"work of %s\\n\"}, \"append\": {\"out/%s.rounds\": \"a round\\n\"}}"
                .formatted(t[0], t[0], t[0]));
      }
      TestRepos.commitAll(repo, "a plan");
      TestRepos.pushToOrigin(repo, origin);
      String initialMain = Git.run(origin, "rev-parse", "main");
      github.branchesOf(origin).requireChecks("ci");
      github.failCheckOnce("feature/schema", "ci", CI_LOG);
      github.requestChangesOnce(
          "feature/docs", "octocat", REVIEW, new ReviewComment("out/docs.txt", 1, LINE_NOTE));
      Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.apiUrl());

      Path out = tmp.resolve("execute.out");
      Path err = tmp.resolve("execute.err");
      Process execute = BraidLauncher.command(repo, env, out, err, "execute", "--json").start();
      try {
        // schema: CI fails its first head; its agent's next round pushes a fix to the same pull
        // request, and braid reads the new head's checks, which pass.
        int schema = github.awaitPull("feature/schema", WAIT);
        String schemaFirst = github.pull(schema).at("/head/sha").asText();
        String schemaFixed =
            github
                .awaitPull(
                    schema,
                    pr -> !pr.at("/head/sha").asText().equals(schemaFirst),
                    "pushed again after its failed check",
                    WAIT)
                .at("/head/sha")
                .asText();
        awaitRequest(github, "GET /repos/octo/app/commits/" + schemaFixed + "/check-runs");

        // While it waits for a human to merge, status shows the task waiting on its pull request.
        BraidProcess.Result statusJson = BraidProcess.run(repo, env, "status", "--json");
        BraidProcess.Result statusText = BraidProcess.run(repo, env, "status");
        JsonNode waiting = task(JSON.readTree(statusJson.out()), "schema");
        assertEquals(
            "pull-request-review", waiting.at("/blocker/kind").asText(), statusJson.toString());
        assertTrue(
            waiting.at("/blocker/reason").asText().contains("pull request #" + schema),
            waiting.toString());
        assertTrue(statusText.out().contains("schema"), statusText.toString());

        // The dependent did not wait for a human: its pull request is stacked on schema's branch.
        int api = github.awaitPull("feature/api", WAIT);
        assertEquals("feature/schema", github.pull(api).at("/base/ref").asText(), "api is stacked");
        String apiStacked = github.pull(api).at("/head/sha").asText();
        github.merge(schema);
        // braid moves it onto main and brings its branch up to date, never force-pushing.
        ObjectNode moved =
            github.awaitPull(
                api,
                pr ->
                    pr.at("/base/ref").asText().equals("main")
                        && !pr.at("/head/sha").asText().equals(apiStacked),
                "moved onto main, with main merged in",
                WAIT);
        String apiUpdated = moved.at("/head/sha").asText();
        Git.run(origin, "merge-base", "--is-ancestor", apiStacked, apiUpdated);
        Git.run(
            origin,
            "merge-base",
            "--is-ancestor",
            Git.run(origin, "rev-parse", "main"),
            apiUpdated);
        github.merge(api);

        // docs: the reviewer's request for changes goes to its agent, whose push is approved.
        int docs = github.awaitPull("feature/docs", WAIT);
        github.awaitPull(docs, pr -> !github.reviews(docs).isEmpty(), "reviewed", WAIT);
        String docsFirst = github.reviews(docs).get(0).get("commit_id").asText();
        github.awaitPull(
            docs,
            pr -> !pr.at("/head/sha").asText().equals(docsFirst),
            "pushed again after the review",
            WAIT);
        github.merge(docs);

        assertTrue(execute.waitFor(END_WAIT.toSeconds(), TimeUnit.SECONDS), "execute did not end");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, execute.exitValue(), stdout + "\n--- stderr\n" + stderr);
        keepTranscript(stdout, stderr, statusText.out(), statusJson.out());

        JsonNode run = JSON.readTree(stdout);
        assertEquals("done", run.get("status").asText(), stdout);
        for (JsonNode t : run.get("tasks")) {
          assertEquals("completed", t.get("status").asText(), t.toString());
        }
        assertEquals(2, task(run, "schema").get("attempts").asInt(), "the first go and a round");
        assertEquals(2, task(run, "docs").get("attempts").asInt(), "the first go and a round");
        assertEquals(1, task(run, "api").get("attempts").asInt(), "no news asked for a round");

        // GitHub's words reached the agent's next attempt, and only the round's.
        String schemaGuidance = Files.readString(onlyGuidance(seen, "schema"));
        assertTrue(schemaGuidance.contains("ci"), schemaGuidance);
        assertTrue(schemaGuidance.contains(CI_LOG), schemaGuidance);
        String docsGuidance = Files.readString(onlyGuidance(seen, "docs"));
        assertTrue(docsGuidance.contains(REVIEW), docsGuidance);
        assertTrue(docsGuidance.contains(LINE_NOTE), docsGuidance);
        assertTrue(docsGuidance.contains("octocat"), docsGuidance);
        assertTrue(Files.exists(seen.resolve("schema-2.guidance")), "the round was attempt 2");

        // Every task's work is on origin's main, through the pull requests' merges.
        for (String id : List.of("schema", "docs", "api")) {
          assertEquals("work of " + id, Git.run(origin, "show", "main:out/" + id + ".txt"));
          Git.run(origin, "merge-base", "--is-ancestor", initialMain, "main");
        }
        assertEquals(
            "a round\na round",
            Git.run(origin, "show", "main:out/schema.rounds"),
            "schema's fix is what was merged");

        // One issue and one pull request per task, the pull request closing the issue.
        Map<String, String> taskOf =
            Map.of(
                "Write the schema",
                "schema",
                "Document the API",
                "docs",
                "Serve the schema",
                "api");
        Map<String, Integer> issueOf = new HashMap<>();
        for (ObjectNode issue : github.issues()) {
          issueOf.put(taskOf.get(issue.get("title").asText()), issue.get("number").asInt());
        }
        assertEquals(3, github.issues().size(), "one issue per task: " + github.issues());
        assertEquals(3, issueOf.size(), issueOf.toString());
        assertEquals(3, github.pullCount(), "one pull request per task: " + github.pullHeads());
        for (String id : List.of("schema", "docs", "api")) {
          List<Integer> pulls = github.pullsFor("feature/" + id);
          assertEquals(1, pulls.size(), id + "'s pull requests: " + pulls);
          ObjectNode pr = github.pull(pulls.get(0));
          assertTrue(pr.get("merged").asBoolean(), id + "'s pull request is merged: " + pr);
          String body = pr.get("body").asText();
          assertTrue(body.contains("Closes #" + issueOf.get(id)), id + "'s body: " + body);
        }
        assertEquals(List.of(), github.unexpected(), "requests the stand-in does not serve");
      } finally {
        if (execute.isAlive()) {
          execute.destroyForcibly();
          execute.waitFor(30, TimeUnit.SECONDS);
        }
      }
    }
  }

  /**
   * The scripted agent behind a wrapper that keeps a copy of each attempt's guidance file as {@code
   * seen/<task>-<attempt>.guidance}: what braid handed the agent, kept past the next attempt.
   */
  private Path guidanceCopyingAgent(Path seen) throws Exception {
    Path agent = tmp.resolve("agent.sh");
    Files.writeString(
        agent,
        """
        #!/bin/sh
        if [ -n "$BRAID_GUIDANCE_FILE" ] && [ -f "$BRAID_GUIDANCE_FILE" ]; then
          cp "$BRAID_GUIDANCE_FILE" "%s/$BRAID_TASK_ID-$BRAID_ATTEMPT.guidance"
        fi
        exec "%s"
        """
            .formatted(seen, ScriptedAgent.COMMAND));
    Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
    return agent;
  }

  /** The one guidance file the task's agent was given. */
  private static Path onlyGuidance(Path seen, String task) throws Exception {
    try (var files = Files.list(seen)) {
      List<Path> found =
          files.filter(f -> f.getFileName().toString().startsWith(task + "-")).toList();
      assertEquals(1, found.size(), task + "'s guidance files: " + found);
      return found.get(0);
    }
  }

  private static void awaitRequest(FakeGitHub github, String line) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (github.requests(java.util.regex.Pattern.quote(line)).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no request " + line + " within " + WAIT);
      Thread.sleep(100);
    }
  }

  private static JsonNode task(JsonNode run, String id) {
    for (JsonNode t : run.get("tasks")) {
      if (t.get("id").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("no task " + id + " in " + run);
  }

  /** What the terminal showed, for the README's example; kept in target/, never checked. */
  private static void keepTranscript(String... parts) throws Exception {
    Path file = Path.of("target/github-watch-transcript.txt");
    if (Files.isDirectory(file.getParent())) {
      Files.writeString(file, String.join("\n=====\n", parts));
    }
  }
}
