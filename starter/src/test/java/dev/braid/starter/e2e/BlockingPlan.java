package dev.braid.starter.e2e;

import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A repository whose plan needs a human: {@code escalates} fails twice on the fast tier and
 * succeeds on the strong one; {@code needs-human} fails on every tier until a human gives guidance;
 * {@code after} depends on it; {@code free} depends on nothing.
 */
final class BlockingPlan {
  private BlockingPlan() {}

  static Path create(Path dir, Path origin) throws IOException, InterruptedException {
    Path repo = TestRepos.init(dir, "e2e");
    String agent = ScriptedAgent.COMMAND.toString();
    Files.writeString(
        repo.resolve("braid.yaml"),
        """
        agent:
          tiers:
            - {name: fast, command: [%s], attempts: 2, timeout: 2m, backoff: 1s}
            - {name: strong, command: [%s], attempts: 1, timeout: 2m}
        checks: [[python3, -c, "import pathlib, sys; sys.exit(0 if pathlib.Path('out').is_dir() else 1)"]]
        maxParallel: 4
        """
            .formatted(agent, agent));
    Files.writeString(repo.resolve(".gitignore"), "__pycache__/\n");
    Path tasks = Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
    Files.writeString(
        repo.resolve(".parallel/plans/plan.yaml"),
        """
        metadata: {name: needs a human}
        tasks:
          - {id: escalates, name: Escalates, file: tasks/escalates.md, priority: high}
          - {id: needs-human, name: Needs a human, file: tasks/needs-human.md, priority: high}
          - {id: after, name: After the human, file: tasks/after.md, priority: medium, dependencies: [needs-human]}
          - {id: free, name: Free, file: tasks/free.md, priority: low}
        """);
    task(
        tasks,
        "escalates",
        "{\"failOnTiers\": [\"fast\"], \"files\": {\"out/escalates.txt\": \"strong did it\\n\"}}");
    task(
        tasks,
        "needs-human",
        "{\"requireGuidance\": true, \"files\": {\"out/needs-human.txt\": \"guided\\n\"}}");
    task(tasks, "after", "{\"files\": {\"out/after.txt\": \"after\\n\"}}");
    task(tasks, "free", "{\"files\": {\"out/free.txt\": \"free\\n\"}}");
    TestRepos.commitAll(repo, "a plan that needs a human");
    TestRepos.pushToOrigin(repo, origin);
    return repo;
  }

  private static void task(Path tasks, String id, String script) throws IOException {
    ScriptedAgent.writeTask(tasks, id, id, script);
  }
}
