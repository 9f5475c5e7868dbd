package dev.braid.starter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.braid.starter.run.RepoFilter;
import dev.braid.starter.run.RunList;
import dev.braid.starter.run.RunListing;
import dev.braid.starter.run.RunSession;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.temporal.Connection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code braid list}: the runs of this repository, or of the namespace, newest first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    header = "Lists runs, newest first, from what Temporal's visibility stores.",
    description = {
      "Lists the runs of this repository, newest first: each run's id, state, tasks done and"
          + " blocked, when it started and its Temporal run id. It reads Temporal's visibility"
          + " (the search attributes BraidPlan, BraidState, BraidTasksDone, BraidTasksBlocked and"
          + " BraidRepo), so it needs no worker.",
      "On a cluster, the runs of this repository are those whose BraidRepo is its identity"
          + " (its origin's URL, so any clone on any host lists them; with no origin, its path)"
          + " or, for runs an older braid started, this clone's path; --all lists every run of"
          + " the namespace. The embedded server belongs to the repository, so there every run is"
          + " listed."
    },
    footer = {"", "Examples:", "  braid list", "  braid list --all --limit 5 --json"})
public class ListCommand implements Callable<Integer> {
  /** Enough for a screen; a script that wants more says so. */
  static final int DEFAULT_LIMIT = 20;

  private static final int MAX_LIMIT = 1_000;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "The repository (default: the one holding the current directory).")
  Path repo;

  @Option(names = "--all", description = "Every run of the namespace, not only this repository's.")
  boolean all;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most N runs, the newest (default: " + DEFAULT_LIMIT + ").")
  int limit = DEFAULT_LIMIT;

  @Option(names = "--json", description = "Print one JSON document for scripts.")
  boolean json;

  /** The {@code --json} document: where the runs were listed, and the runs. */
  record ListJson(String address, String namespace, String repo, List<RunListing> runs) {}

  private final RunSession session;

  public ListCommand(RunSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws Exception {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new UsageError("--limit: must be 1 to " + MAX_LIMIT + ", not " + limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    // --all on a cluster needs no repository; the embedded server is found through one.
    Path root =
        all && !session.embedded() ? Path.of("").toAbsolutePath() : Workspace.resolveRepo(repo);
    Workspace ws = new Workspace(root, null, root.resolve("braid.yaml"), false);
    Connection connection = session.connectToRead(ws);
    RepoFilter filter = all || connection.embedded() ? null : RepoFilter.of(root);
    List<RunListing> runs = RunList.of(connection, filter, limit);
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(
                  new ListJson(
                      connection.address(),
                      connection.namespace(),
                      filter == null ? null : filter.identity(),
                      runs)));
      return ExitCodes.DONE;
    }
    if (runs.isEmpty()) {
      out.println(
          "No runs"
              + (filter == null ? "" : " of " + filter.identity())
              + " in namespace "
              + connection.namespace()
              + " on "
              + connection.address()
              + (filter == null ? "." : " (braid list --all shows the namespace's)."));
      return ExitCodes.DONE;
    }
    out.printf(
        "%-40s %-10s %-8s %-8s %-20s %s%n",
        "RUN", "STATE", "DONE", "BLOCKED", "STARTED", "TEMPORAL RUN");
    for (RunListing run : runs) {
      out.printf(
          "%-40s %-10s %-8s %-8s %-20s %s%n",
          run.runId(),
          run.state(),
          run.tasksDone() < 0
              ? "-"
              : run.tasksDone() + (run.tasksTotal() < 0 ? "" : "/" + run.tasksTotal()),
          run.tasksBlocked() < 0 ? "-" : Long.toString(run.tasksBlocked()),
          WHEN.format(Instant.ofEpochMilli(run.startedAtMillis())),
          run.temporalRunId());
    }
    return ExitCodes.DONE;
  }
}
