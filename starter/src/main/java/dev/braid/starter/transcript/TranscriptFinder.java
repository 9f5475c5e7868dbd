package dev.braid.starter.transcript;

import dev.braid.starter.cli.UsageError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the transcript of the Claude Code session a plan was made in.
 *
 * <p>Run from inside Claude Code (its Bash tool sets {@code CLAUDE_CODE_SESSION_ID} for the
 * commands it runs), that is the session's own file, whichever project folder holds it. Otherwise
 * it is the newest main-session transcript of the project: a file of the project's folder whose
 * name does not start with {@code agent-}, since those are subagents' transcripts, and picking one
 * because it was written last is the bug Contextune's script had.
 */
public final class TranscriptFinder {
  static final String SESSION_VARIABLE = "CLAUDE_CODE_SESSION_ID";

  private final Map<String, String> env;
  private final String flag;

  /**
   * @param env the environment, for {@code CLAUDE_CONFIG_DIR} and the session's id
   * @param flag the option that names a transcript in the command braid runs ({@code plan
   *     extract}'s {@code --transcript}, {@code execute}'s {@code --from-transcript}): the messages
   *     name it, and the other command's flag would be refused
   */
  public TranscriptFinder(Map<String, String> env, String flag) {
    this.env = env;
    this.flag = flag;
  }

  /**
   * The transcript to read.
   *
   * @param named the file the user named, or null
   * @param places the working directories the session may have started in, most likely first
   * @throws UsageError when there is none, saying where braid looked
   */
  public Transcript find(Path named, List<Path> places) {
    if (named != null) {
      Path file = named.toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new UsageError(flag + ": no such file: " + file);
      }
      return new Transcript(file, "named with " + flag);
    }
    Path root = ClaudeProjects.root(env);
    Set<Path> folders = new LinkedHashSet<>();
    places.forEach(place -> folders.add(ClaudeProjects.folder(root, place)));
    String session = env.get(SESSION_VARIABLE);
    if (session != null && session.matches("[A-Za-z0-9-]+")) {
      Optional<Path> current = sessionFile(root, folders, session + ".jsonl");
      if (current.isPresent()) {
        return new Transcript(current.get(), "the current Claude Code session's (" + session + ")");
      }
    }
    for (Path folder : folders) {
      Optional<Path> newest = newestMainSession(folder);
      if (newest.isPresent()) {
        return new Transcript(
            newest.get(), "the newest main-session transcript of " + folder.getFileName());
      }
    }
    throw new UsageError(
        "no Claude Code transcript for this repository in "
            + String.join(" or ", folders.stream().map(Path::toString).toList())
            + " (start Claude Code in the repository, or name a transcript with "
            + flag
            + " FILE)");
  }

  private static Optional<Path> sessionFile(Path root, Set<Path> folders, String name) {
    for (Path folder : folders) {
      if (Files.isRegularFile(folder.resolve(name))) {
        return Optional.of(folder.resolve(name));
      }
    }
    // The session may have started in another folder than braid runs in (a subfolder, say).
    try (Stream<Path> projects = Files.list(root)) {
      return projects.map(p -> p.resolve(name)).filter(Files::isRegularFile).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The newest {@code *.jsonl} of the folder that is not a subagent's, if any. */
  static Optional<Path> newestMainSession(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".jsonl"))
          .filter(p -> !p.getFileName().toString().startsWith("agent-"))
          .forEach(candidates::add);
    } catch (IOException e) {
      throw new UsageError("cannot list the transcripts in " + folder + ": " + e.getMessage());
    }
    return candidates.stream().max(Comparator.comparing(TranscriptFinder::modified));
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
