package dev.braid.activities.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.braid.activities.git.GitCli;
import dev.braid.activity.TierUsage;
import dev.braid.activity.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's attempt state, kept in {@code <worktree git dir>/braid/}. It lives in the worktree's own
 * git directory ({@code <repo>/.git/worktrees/<id>}) so that it is never committed, survives worker
 * restarts, and goes away with {@code git worktree remove}.
 */
final class AttemptState {
  private static final Logger log = LoggerFactory.getLogger(AttemptState.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String DIR = "braid";
  private static final String PID_FILE = "agent.pid";

  private final Path dir;

  private AttemptState(Path dir) {
    this.dir = dir;
  }

  /** The state of the worktree {@code git} runs in; creates the directory. */
  static AttemptState open(GitCli git) throws IOException {
    Path gitDir = Path.of(git.run("rev-parse", "--absolute-git-dir"));
    Path dir = gitDir.resolve(DIR);
    Files.createDirectories(dir);
    return new AttemptState(dir);
  }

  Path dir() {
    return dir;
  }

  /** Why attempt {@code n - 1} failed, written by that attempt for attempt {@code n}. */
  Path feedback(int n) {
    return dir.resolve("feedback-" + n + ".txt");
  }

  Path guidance() {
    return dir.resolve("guidance.txt");
  }

  Path prompt() {
    return dir.resolve("prompt.md");
  }

  /** The task's text as the run's input carried it, for agents that read their task file. */
  Path taskText() {
    return dir.resolve("task.md");
  }

  /** What an agent resuming its session after a rate limit is told, instead of the prompt. */
  Path resumePrompt() {
    return dir.resolve("resume-prompt.md");
  }

  /** The running agent's or check's process group, for killing what a crashed worker left. */
  Path pidFile() {
    return dir.resolve(PID_FILE);
  }

  /** {@link #pidFile()} of the worktree whose own git directory this is, without creating it. */
  static Path pidFileIn(Path gitDir) {
    return gitDir.resolve(DIR).resolve(PID_FILE);
  }

  Path result(int n) {
    return dir.resolve("result-" + n + ".json");
  }

  Path usage(int n) {
    return dir.resolve("usage-" + n + ".json");
  }

  /** Writes a text file whole: a reader sees the old content or the new, never a part. */
  void write(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The text of a state file, if it exists. */
  Optional<String> read(Path file) throws IOException {
    return Files.exists(file)
        ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
        : Optional.empty();
  }

  void record(int n, RecordedAttempt attempt) throws IOException {
    write(result(n), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(attempt));
  }

  /** The recorded success of attempt {@code n}; an unreadable record counts as none. */
  Optional<RecordedAttempt> recorded(int n) {
    Path file = result(n);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), RecordedAttempt.class));
    } catch (IOException e) {
      log.warn("ignoring unreadable attempt record {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  Path limited(int n) {
    return dir.resolve("limited-" + n + ".json");
  }

  /** Keeps what the tries of attempt {@code n} that a rate limit stopped used. */
  void recordLimited(int n, LimitedTries tries) throws IOException {
    write(limited(n), JSON.writeValueAsString(tries));
  }

  /**
   * What the tries of attempt {@code n} that a rate limit stopped used, when they belong to this
   * run: the attempt is running again after the wait. An unreadable record counts as none.
   */
  Optional<LimitedTries> limitedTries(int n, String runId, String logRun) {
    Path file = limited(n);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      LimitedTries tries = JSON.readValue(file.toFile(), LimitedTries.class);
      return tries.of(runId, logRun) ? Optional.of(tries) : Optional.empty();
    } catch (IOException e) {
      log.warn("ignoring unreadable record of rate-limited tries {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  /** The tier attempt {@code n} ran on, kept beside its usage so that spend splits by tier. */
  Path tier(int n) {
    return dir.resolve("tier-" + n + ".txt");
  }

  /** Records the tier of attempt {@code n} before its agent starts, so even a lost one has it. */
  void recordTier(int n, String tier) throws IOException {
    write(tier(n), tier);
  }

  void recordUsage(int n, Usage usage) throws IOException {
    write(usage(n), JSON.writeValueAsString(usage));
  }

  /**
   * The usage of attempts {@code from} to {@code to} split by the tier each ran on, in the order
   * the tiers first ran; null when an attempt's tier was never recorded, since its usage could then
   * belong to any tier.
   */
  List<TierUsage> usageByTier(int from, int to) throws IOException {
    Map<String, TierUsage> tiers = new LinkedHashMap<>();
    for (int n = from; n <= to; n++) {
      Optional<String> tier = read(tier(n));
      if (tier.isEmpty()) {
        return null;
      }
      Usage used = usageOf(n, n);
      tiers.merge(
          tier.get(),
          new TierUsage(tier.get(), 1, used),
          (a, b) -> new TierUsage(a.tier(), a.attempts() + 1, a.usage().plus(b.usage())));
    }
    return List.copyOf(tiers.values());
  }

  /**
   * The usage of attempts {@code from} to {@code to}, both included. An attempt that recorded
   * nothing (its worker crashed) makes the sum unknown, as {@link Usage#plus} does.
   */
  Usage usageOf(int from, int to) {
    Usage sum = null;
    for (int n = from; n <= to; n++) {
      Usage u = Usage.unknown();
      try {
        if (Files.exists(usage(n))) {
          u = JSON.readValue(usage(n).toFile(), Usage.class);
        }
      } catch (IOException e) {
        log.warn("ignoring unreadable usage record {}: {}", usage(n), e.toString());
      }
      sum = sum == null ? u : sum.plus(u);
    }
    return sum == null ? Usage.unknown() : sum;
  }
}
