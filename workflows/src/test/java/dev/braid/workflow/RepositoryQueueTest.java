package dev.braid.workflow;

import static dev.braid.workflow.Plans.config;
import static dev.braid.workflow.Plans.plan;
import static dev.braid.workflow.Plans.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.plan.Plan;
import dev.braid.plan.Priority;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run started on its repository's queue keeps all of its work there: its tasks' workflows, the
 * activities any host may run, and the hosts' own queues. A worker of another repository, polling
 * the legacy shared queue, gets nothing of it.
 */
class RepositoryQueueTest {
  private static final String SHOP = BraidNames.repositoryQueue("github.com/acme/shop");

  private final Harness harness = new Harness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void aRunOnItsRepositorysQueueNeverSendsWorkToAnotherQueue() {
    Plan plan = plan(task("a", Priority.HIGH), task("b", Priority.MEDIUM, "a"));
    List<String> elsewhere = new CopyOnWriteArrayList<>();
    // Another repository's worker on the legacy queue, registered first so it is a real poller.
    harness.host(new Fakes(plan, BraidNames.hostTaskQueue("other-host"), elsewhere));
    List<String> events = new CopyOnWriteArrayList<>();
    Fakes shop = new Fakes(plan, BraidNames.hostTaskQueue(SHOP, "host-a"), events);
    harness.onQueue(SHOP).host(shop);

    RunStatus run = harness.run("braid-shop-run", new RunRequest("/repo", plan.dir(), config(2)));

    assertEquals(RunPhase.DONE, run.phase(), run.toString());
    assertEquals(List.of(), elsewhere, "nothing went to the other repository's worker");
    assertTrue(events.contains("push feature/b on " + SHOP + "@host-a"), events.toString());
    assertTrue(events.contains("status a in_progress on " + SHOP + "@host-a"), events.toString());
    assertEquals("braid:github.com/acme/shop@host-a", BraidNames.hostTaskQueue(SHOP, "host-a"));
  }
}
