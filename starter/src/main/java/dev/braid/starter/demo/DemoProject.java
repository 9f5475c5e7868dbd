package dev.braid.starter.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates {@code braid demo}'s throwaway repository: a small Python library with a passing test, a
 * {@code braid.yaml} whose agent is braid's scripted agent, and a six-task plan whose task files
 * script that agent. Everything a run needs is in the repository, so the demo runs offline and the
 * same way every time.
 */
public final class DemoProject {
  /** The placeholder in the template that becomes the scripted agent's absolute path. */
  public static final String SCRIPTED_AGENT_PLACEHOLDER = "SCRIPTED_AGENT";

  /** The scripted agent, relative to braid's home. */
  public static final Path SCRIPTED_AGENT = Path.of("agents", "scripted-agent");

  /** The plan folder inside the demo repository. */
  public static final Path PLAN_DIR = Path.of(".parallel", "plans");

  private static final Logger log = LoggerFactory.getLogger(DemoProject.class);

  private DemoProject() {}

  /**
   * Creates the demo repository in {@code dir}, with one commit on {@code main}.
   *
   * @param dir a folder that does not exist yet, or is empty
   * @param braidHome braid's folder, which holds {@code agents/scripted-agent}
   * @return the repository's absolute path
   * @throws DemoException when {@code dir} is not empty, the agent is missing or git fails
   */
  public static Path create(Path dir, Path braidHome) {
    Path repo = dir.toAbsolutePath().normalize();
    Path agent = braidHome.toAbsolutePath().normalize().resolve(SCRIPTED_AGENT);
    if (!Files.isExecutable(agent)) {
      throw new DemoException(
          "the scripted agent "
              + agent
              + " is missing or not executable; is "
              + braidHome
              + " braid's folder?");
    }
    requireEmpty(repo);
    DemoTemplate.copyTo(repo, Map.of(SCRIPTED_AGENT_PLACEHOLDER, yamlQuoted(agent.toString())));
    DemoGit.run(repo, "init", "-q", "-b", "main");
    DemoGit.run(repo, "config", "user.name", "braid demo");
    DemoGit.run(repo, "config", "user.email", "demo@braid.invalid");
    // A user's global signing setup would need a key (or a prompt) the demo does not have.
    DemoGit.run(repo, "config", "commit.gpgsign", "false");
    DemoGit.run(repo, "add", "-A");
    DemoGit.run(repo, "commit", "-q", "-m", "Initial demo project");
    log.info("Created the demo project in {}", repo);
    return repo;
  }

  private static void requireEmpty(Path repo) {
    try {
      if (Files.exists(repo)) {
        if (!Files.isDirectory(repo)) {
          throw new DemoException(repo + " exists and is not a folder; braid demo needs a new one");
        }
        try (Stream<Path> children = Files.list(repo)) {
          if (children.findAny().isPresent()) {
            throw new DemoException(repo + " is not empty; braid demo needs a new folder");
          }
        }
      }
      Files.createDirectories(repo);
    } catch (IOException e) {
      throw new DemoException("cannot create the demo folder " + repo, e);
    }
  }

  /** The text for a double-quoted YAML scalar: the template puts the quotes around it. */
  private static String yamlQuoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
