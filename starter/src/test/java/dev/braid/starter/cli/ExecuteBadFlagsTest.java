package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.testsupport.TestRepos;
import dev.braid.starter.transcript.PlanTexts;
import dev.braid.starter.transcript.TranscriptFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code execute --from-transcript} with a flag it refuses: the refusal comes before the plan is
 * taken from the transcript, so bad input leaves no {@code .parallel/} behind.
 */
class ExecuteBadFlagsTest {
  @TempDir Path tmp;
  private Path repo;
  private Path transcript;

  @BeforeEach
  void setUp() throws Exception {
    repo = TestRepos.init(tmp.resolve("repo"), "bad-flags");
    transcript =
        new TranscriptFile()
            .assistant(PlanTexts.twoTasks("Never written"))
            .writeTo(tmp.resolve("s.jsonl"));
  }

  @Test
  void aBadMergeModeWritesNoPlan() {
    assertRefusedBeforeWriting(
        "--merge: must be direct, pr or none, not 'bogus'", "--merge", "bogus");
  }

  @Test
  void aBadOverlapPolicyWritesNoPlan() {
    assertRefusedBeforeWriting(
        "--overlap: must be serialize, warn or ignore, not 'loose'", "--overlap", "loose");
  }

  @Test
  void aMaxParallelOutOfRangeWritesNoPlan() {
    assertRefusedBeforeWriting("--max-parallel: must be from 1 to ", "--max-parallel", "0");
  }

  @Test
  void anUnknownTemporalProfileWritesNoPlan() {
    assertRefusedBeforeWriting(
        "--profile names profile 'no-such-profile'", "--profile", "no-such-profile");
  }

  @Test
  void aBadConfigFileWritesNoPlan() throws Exception {
    Files.writeString(repo.resolve("braid.yaml"), "maxParallel: many\n");
    assertRefusedBeforeWriting("braid.yaml: maxParallel: must be a whole number");
  }

  private void assertRefusedBeforeWriting(String message, String... flags) {
    String[] args = new String[5 + flags.length];
    args[0] = "execute";
    args[1] = "--repo=" + repo;
    args[2] = "--from-transcript";
    args[3] = transcript.toString();
    args[4] = "--json";
    System.arraycopy(flags, 0, args, 5, flags.length);

    CliHarness.Result r = CliHarness.run(args);

    assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertFalse(Files.exists(repo.resolve(".parallel")), ".parallel/ was created: " + r.err());
  }
}
