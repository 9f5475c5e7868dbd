package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code braid plan validate|graph} on the real Contextune plans shared with the project. */
class PlanCommandsTest {
  private static final Path PLANS =
      Path.of("../activities/src/test/resources/contextune-plans").toAbsolutePath().normalize();

  @Test
  void aGoodPlanValidates() {
    CliHarness.Result r =
        CliHarness.run(
            "plan",
            "validate",
            "--plan",
            PLANS.resolve("decision-tracking-system/parallel-plan").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("OK: plan 'Unified Decision Tracking System'"), r.out());
    assertTrue(r.out().contains("5 tasks"), r.out());
  }

  @Test
  void thePlanYamlItselfMayBeNamed() {
    CliHarness.Result r =
        CliHarness.run(
            "plan",
            "validate",
            "--plan",
            PLANS.resolve("decision-tracking-system/parallel-plan/plan.yaml").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("OK: plan 'Unified Decision Tracking System'"), r.out());
  }

  @Test
  void plansWithoutPlanYamlValidate() {
    for (String dir :
        new String[] {
          "implementation-plan-contextune-htmlgraph-integrati",
          "implementation-plan-htmlgraph-session-analytics-da"
        }) {
      CliHarness.Result r =
          CliHarness.run("plan", "validate", "--plan", PLANS.resolve(dir).toString());
      assertEquals(0, r.exitCode(), dir + ": " + r.err());
      assertTrue(r.out().contains("5 tasks"), r.out());
    }
  }

  @Test
  void aPlanWithMissingTaskFilesIsRejectedWithEveryProblem() {
    CliHarness.Result r =
        CliHarness.run(
            "plan", "validate", "--plan", PLANS.resolve("decision-tracking-system").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("has 7 problems; nothing was started"), r.err());
    for (int n = 2; n <= 8; n++) {
      assertTrue(
          r.err()
              .contains(
                  "plan.yaml: task 'task-" + n + "': file: tasks/task-" + n + ".md does not exist"),
          r.err());
    }
  }

  @Test
  void graphPrintsWavesAndCriticalPath() {
    CliHarness.Result r =
        CliHarness.run(
            "plan",
            "graph",
            "--plan",
            PLANS.resolve("decision-tracking-system/parallel-plan").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("5 tasks in 3 waves"), r.out());
    assertTrue(r.out().contains("Critical path (3 tasks): task-0 -> task-1 -> task-2"), r.out());
  }

  @Test
  void validateListsTheTasksThatMayWriteTheSameFileTogetherAndWhatBraidDoes() {
    CliHarness.Result r =
        CliHarness.run(
            "plan",
            "validate",
            "--plan",
            PLANS.resolve("decision-tracking-system/parallel-plan").toString());

    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out()
            .contains(
                "2 overlaps: tasks that may run at the same time declare the same files:\n"
                    + "  task-1 and task-3: decisions.yaml (task-3 waits for task-1's merge)\n"
                    + "  task-2 and task-3: decisions.yaml (task-2 waits for task-3's merge)\n"
                    + "  braid keeps them apart (overlap: serialize)"),
        r.out());
  }

  @Test
  void underWarnNobodyWaitsAndTheDotGraphDrawsNoSoftEdge() {
    String dir = PLANS.resolve("decision-tracking-system/parallel-plan").toString();
    CliHarness.Result warn = CliHarness.run("plan", "validate", "--overlap", "warn", "--plan", dir);
    CliHarness.Result dot = CliHarness.run("plan", "graph", "--dot", "--plan", dir);
    CliHarness.Result warnDot =
        CliHarness.run("plan", "graph", "--dot", "--overlap", "warn", "--plan", dir);
    CliHarness.Result wrong =
        CliHarness.run("plan", "validate", "--overlap", "never", "--plan", dir);

    assertEquals(0, warn.exitCode(), warn.err());
    assertTrue(warn.out().contains("  task-1 and task-3: decisions.yaml\n"), warn.out());
    assertTrue(warn.out().contains("(overlap: warn)"), warn.out());
    assertTrue(
        dot.out().contains("\"task-1\" -> \"task-3\" [style=dashed, label=\"decisions.yaml\"];"),
        dot.out());
    assertTrue(!warnDot.out().contains("dashed"), warnDot.out());
    assertEquals(2, wrong.exitCode(), wrong.out());
    assertTrue(
        wrong.err().contains("--overlap: must be serialize, warn or ignore, not 'never'"),
        wrong.err());
  }

  @Test
  void graphJsonCarriesTheOverlapsAndTheTasksThatDeclareNoFiles() {
    CliHarness.Result withOverlaps =
        CliHarness.run(
            "plan",
            "graph",
            "--json",
            "--plan",
            PLANS.resolve("decision-tracking-system/parallel-plan").toString());
    CliHarness.Result undeclared =
        CliHarness.run(
            "plan",
            "validate",
            "--json",
            "--plan",
            PLANS.resolve("implementation-plan-htmlgraph-session-analytics-da").toString());

    assertEquals(0, withOverlaps.exitCode(), withOverlaps.err());
    String out = withOverlaps.out().replaceAll("\\s+", "");
    assertTrue(
        out.contains(
            "\"overlaps\":[{\"tasks\":[\"task-1\",\"task-3\"],\"paths\":[\"decisions.yaml\"],"),
        out);
    assertTrue(out.contains("\"undeclaredFiles\":[]"), out);
    assertEquals(0, undeclared.exitCode(), undeclared.err());
    assertTrue(
        undeclared
            .out()
            .replaceAll("\\s+", "")
            .contains(
                "\"overlaps\":[],\"undeclaredFiles\":[\"task-1\",\"task-2\",\"task-3\",\"task-4\",\"task-5\"]"),
        undeclared.out());
  }

  @Test
  void graphAsDot() {
    CliHarness.Result r =
        CliHarness.run(
            "plan",
            "graph",
            "--dot",
            "--plan",
            PLANS.resolve("implementation-plan-htmlgraph-session-analytics-da").toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("digraph"), r.out());
    assertTrue(r.out().contains("\"task-1\" -> \"task-2\""), r.out());
  }

  @Test
  void missingPlanDirectoryIsAUsageError() {
    CliHarness.Result r = CliHarness.run("plan", "validate", "--plan", "/nonexistent/plan");
    assertEquals(2, r.exitCode());
    assertEquals("braid: --plan: no such directory or plan.yaml: /nonexistent/plan\n", r.err());
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliHarness.Result r = CliHarness.run("frobnicate");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("Unmatched argument"), r.err());
  }

  @Test
  void helpListsTheCommands() {
    CliHarness.Result r = CliHarness.run("--help");
    assertEquals(0, r.exitCode());
    for (String command : new String[] {"execute", "status", "plan", "worker", "server", "demo"}) {
      assertTrue(r.out().contains("  " + command + " "), command + " in " + r.out());
    }
  }
}
