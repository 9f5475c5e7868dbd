package dev.braid.starter.e2e;

import dev.braid.starter.testsupport.ScriptedAgent;
import dev.braid.starter.testsupport.TestRepos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A repository whose plan needs the merge queue: {@code c} depends on {@code a} and {@code b} and
 * extends the module {@code a} created, so its tests pass only if its worktree holds a's work;
 * {@code d} and {@code e} write the same file, so the second to merge conflicts and goes to the
 * resolver.
 */
final class MergeQueuePlan {
  private MergeQueuePlan() {}

  static Path create(Path dir, Path origin) throws IOException, InterruptedException {
    Path repo = TestRepos.init(dir, "e2e");
    String agent = ScriptedAgent.COMMAND.toString();
    Files.writeString(
        repo.resolve("braid.yaml"),
        """
        agent:
          tiers:
            - {name: fast, command: [%s], attempts: 1, timeout: 2m}
          resolver: {name: resolver, command: [%s], attempts: 1, timeout: 2m}
        checks: [[python3, -m, unittest, discover, -s, tests, -q]]
        maxParallel: 4
        """
            .formatted(agent, agent));
    Files.writeString(repo.resolve(".gitignore"), "__pycache__/\n");
    Files.createDirectories(repo.resolve("tests"));
    Files.writeString(repo.resolve("tests/__init__.py"), "");
    Files.writeString(
        repo.resolve("tests/test_base.py"),
        "import unittest\n\n\nclass Base(unittest.TestCase):\n    def test_true(self):\n        self.assertTrue(True)\n");
    Path tasks = Files.createDirectories(repo.resolve(".parallel/plans/tasks"));
    Files.writeString(
        repo.resolve(".parallel/plans/plan.yaml"),
        """
        metadata: {name: merge queue}
        tasks:
          - {id: a, name: Greeting module, file: tasks/a.md, priority: high}
          - {id: b, name: Farewell module, file: tasks/b.md, priority: high}
          - {id: c, name: Extend the greeting, file: tasks/c.md, priority: medium, dependencies: [a, b]}
          - {id: d, name: Shared notes by d, file: tasks/d.md, priority: low}
          - {id: e, name: Shared notes by e, file: tasks/e.md, priority: low}
        """);
    task(
        tasks,
        "a",
        """
        {"files": {"greeting.py": "def greet(name):\\n    return 'hello ' + name\\n",
                   "tests/test_greeting.py": "import unittest\\nfrom greeting import greet\\n\\n\\nclass T(unittest.TestCase):\\n    def test_greet(self):\\n        self.assertEqual(greet('x'), 'hello x')\\n"}}""");
    task(
        tasks,
        "b",
        """
        {"files": {"farewell.py": "def bye(name):\\n    return 'bye ' + name\\n"}}""");
    task(
        tasks,
        "c",
        """
        {"append": {"greeting.py": "\\n\\ndef greet_loudly(name):\\n    return greet(name).upper()\\n"},
         "files": {"tests/test_loud.py": "import unittest\\nfrom greeting import greet_loudly\\nfrom farewell import bye\\n\\n\\nclass T(unittest.TestCase):\\n    def test_loud(self):\\n        self.assertEqual(greet_loudly('x'), 'HELLO X')\\n        self.assertEqual(bye('x'), 'bye x')\\n"}}""");
    task(
        tasks,
        "d",
        """
        {"files": {"notes.txt": "notes written by d\\n"}}""");
    task(
        tasks,
        "e",
        """
        {"sleepSeconds": 2, "files": {"notes.txt": "notes written by e\\n"}}""");
    TestRepos.commitAll(repo, "a plan for the merge queue");
    TestRepos.pushToOrigin(repo, origin);
    return repo;
  }

  private static void task(Path tasks, String id, String script) throws IOException {
    ScriptedAgent.writeTask(tasks, id, "Task " + id, script.strip());
  }
}
