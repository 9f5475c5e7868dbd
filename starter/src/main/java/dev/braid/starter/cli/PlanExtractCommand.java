package dev.braid.starter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.transcript.ExtractedTask;
import dev.braid.starter.transcript.Extraction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code braid plan extract}: what Contextune's {@code /ctx:execute} does first, taking the plan
 * made in a Claude Code conversation out of its transcript and writing it as a plan braid can run.
 */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    header = "Writes the plan a Claude Code conversation made as a plan braid can run.",
    description = {
      "Writes the plan made in a Claude Code session to .parallel/plans/ (plan.yaml and"
          + " tasks/*.md). It reads the session's transcript and takes its last assistant message"
          + " holding the marker **Type:** Plan and a '## Plan Structure' section, with a '### Task"
          + " N: Name' section per task.",
      "",
      "The plan is validated before anything is written; a problem is named with its line and"
          + " what was expected, exit code 2. Default transcript: inside Claude Code the current"
          + " session's, else the newest main-session transcript of this repository in"
          + " ~/.claude/projects/."
    },
    footer = {"", "Examples:", "  braid plan extract", "  braid plan extract --force --json"})
public class PlanExtractCommand implements Callable<Integer> {
  /** The option naming the transcript; {@code execute}'s is another. */
  static final String TRANSCRIPT_OPTION = "--transcript";

  @Spec CommandSpec spec;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "The git repository (default: the one holding the current directory).")
  Path repo;

  @Option(
      names = TRANSCRIPT_OPTION,
      paramLabel = "FILE",
      description = "The session transcript (.jsonl) to read.")
  Path transcript;

  @Option(
      names = "--force",
      description =
          "Replace a plan already in .parallel/plans/ (it is moved to .parallel/archive/).")
  boolean force;

  @Option(names = "--json", description = "Print one JSON document for scripts.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Path root = Workspace.resolveRepo(repo);
    Extraction extraction =
        TranscriptPlans.extract(root, transcript, TRANSCRIPT_OPTION, force, System.getenv());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(toJson(extraction)));
    } else {
      TranscriptPlans.print(extraction, out);
      out.println("Look at it with: braid plan graph; run it with: braid execute");
    }
    return ExitCodes.DONE;
  }

  private static ObjectNode toJson(Extraction e) {
    ObjectNode doc = new ObjectMapper().createObjectNode();
    doc.put("transcript", e.transcript().file().toString());
    doc.put("line", e.message().line());
    doc.put("plansInTranscript", e.message().plansSeen());
    doc.put("planDir", e.planDir().toString());
    doc.put("name", e.plan().name());
    doc.put("replacedTo", e.replacedTo() == null ? null : e.replacedTo().toString());
    ArrayNode tasks = doc.putArray("tasks");
    for (ExtractedTask task : e.plan().tasks()) {
      tasks.addObject().put("id", task.id()).put("name", task.name()).put("file", task.file());
    }
    return doc;
  }
}
