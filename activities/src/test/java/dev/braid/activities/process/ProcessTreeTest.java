package dev.braid.activities.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTreeTest {
  @TempDir Path dir;

  @Test
  void signallingAGroupWithAMemberSaysSo() throws Exception {
    Path pids = dir.resolve("pids");
    Process leader =
        new ProcessBuilder(
                "/usr/bin/setsid", "bash", "-c", "echo $$ > " + pids + "; exec sleep 1000")
            .start();
    long pgid = Pids.await(pids, 1).get(0);
    try {
      assertTrue(ProcessTree.signalGroup(pgid, "0"));
    } finally {
      ProcessTree.kill(leader.toHandle(), Duration.ofSeconds(1));
    }
    assertTrue(Pids.allGone(List.of(pgid)));
  }

  @Test
  void signallingAGroupWithNoMemberSaysSoSoTheSigkillPassIsSkipped() throws Exception {
    Process ended = new ProcessBuilder("/usr/bin/setsid", "true").start();
    ended.waitFor();
    assertFalse(ProcessTree.signalGroup(ended.pid(), "TERM"));
  }
}
