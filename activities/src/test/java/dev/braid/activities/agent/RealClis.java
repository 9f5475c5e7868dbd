package dev.braid.activities.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.config.AgentPreset;
import dev.braid.config.AgentTier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real agent CLIs, pinned by {@code deploy/scripts/install-agents.sh}, which is run when they
 * are missing, as the Temporal CLI's script is. A tier runs one through a wrapper that sets its
 * environment (the stand-in's URL, a throwaway key) and then execs it with the preset's own argv,
 * since the activity passes the worker's environment on and a test cannot change that.
 */
final class RealClis {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path BIN = ROOT.resolve(".tools/agents/node_modules/.bin");

  private RealClis() {}

  /** The CLI's launcher, installing the pinned CLIs first when they are not there. */
  static synchronized Path bin(String cli) throws IOException, InterruptedException {
    if (!Files.isExecutable(BIN.resolve(cli))) {
      // Its output goes to a file: written to the test JVM's own stdout it would corrupt the
      // channel Maven's surefire reads the test results from, and fail the build.
      Path log = Files.createTempFile("install-agents", ".log");
      Process install =
          new ProcessBuilder(ROOT.resolve("deploy/scripts/install-agents.sh").toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      assertTrue(install.waitFor(10, TimeUnit.MINUTES), "install-agents.sh took over 10 minutes");
      assertEquals(0, install.exitValue(), "install-agents.sh failed:\n" + Files.readString(log));
    }
    return BIN.resolve(cli);
  }

  /** A tier of the preset whose program is a wrapper around the real CLI, run with {@code env}. */
  static AgentTier tier(
      Path dir, AgentPreset preset, String model, String cli, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(preset.command(model));
    argv.set(0, wrapper(dir, cli, env).toString());
    return new AgentTier("fast", argv, 1, 120, 1, preset.id(), true);
  }

  /** A script that sets {@code env}, then execs the real CLI with its own arguments. */
  static Path wrapper(Path dir, String cli, Map<String, String> env)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    env.forEach((k, v) -> body.append("export ").append(k).append("='").append(v).append("'\n"));
    body.append("exec '").append(bin(cli)).append("' \"$@\"");
    return GitFixture.script(dir.resolve("bin/" + cli), body.toString());
  }
}
