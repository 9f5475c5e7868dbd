package dev.braid.starter.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs {@code braid list} asks visibility for. */
class RunListQueryTest {
  private static final String RUNS =
      "WorkflowType = 'ExecuteWorkflow' AND ExecutionStatus != 'ContinuedAsNew'";

  @TempDir Path tmp;

  @Test
  void aCloneWithAnOriginFindsItsRepositorysRunsByIdentityAndItsOwnOlderRunsByPath()
      throws Exception {
    Path clone = dev.braid.starter.testsupport.TestRepos.init(tmp.resolve("here"), "init");
    new dev.braid.activities.git.GitCli(clone)
        .run("remote", "add", "origin", "https://me:secret@github.com/acme/shop.git");

    assertEquals(
        RUNS + " AND (BraidRepo = 'github.com/acme/shop' OR BraidRepo = '" + clone + "')",
        RunList.query(RepoFilter.of(clone)));
  }

  @Test
  void aCheckoutWithNoOriginIsItsPathOnce() throws Exception {
    Path alone = dev.braid.starter.testsupport.TestRepos.init(tmp.resolve("alone"), "init");

    assertEquals(RUNS + " AND (BraidRepo = '" + alone + "')", RunList.query(RepoFilter.of(alone)));
  }

  @Test
  void quotesInAValueAreEscapedAndNoFilterListsEveryRun() {
    assertEquals(
        RUNS + " AND (BraidRepo = 'h/it\\'s' OR BraidRepo = '/a\\\\b')",
        RunList.query(new RepoFilter("h/it's", Path.of("/a\\b"))));
    assertEquals(RUNS, RunList.query(null));
  }
}
