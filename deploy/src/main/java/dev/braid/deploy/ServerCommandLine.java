package dev.braid.deploy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a running dev server's record back from its command line, as {@link DevServer} wrote it:
 * {@code temporal server start-dev --db-filename <db> --port <p> --ui-port <u> ...}. Only the
 * process's own arguments are trusted, so a server started by another tool on the same file is
 * found too, as long as it names its ports.
 */
final class ServerCommandLine {
  private ServerCommandLine() {}

  /** The process's record if it is a dev server on {@code db} with both ports on its line. */
  static Optional<ServerState> parse(ProcessHandle process, Path db) {
    List<String> args = List.of(process.info().arguments().orElse(new String[0]));
    if (!args.contains("start-dev")
        || !value(args, "--db-filename").map(db.toString()::equals).orElse(false)) {
      return Optional.empty();
    }
    Optional<Integer> port = value(args, "--port").flatMap(ServerCommandLine::number);
    Optional<Integer> uiPort = value(args, "--ui-port").flatMap(ServerCommandLine::number);
    if (port.isEmpty() || uiPort.isEmpty()) {
      return Optional.empty();
    }
    String startedAt =
        process.info().startInstant().map(Instant::toString).orElse(Instant.EPOCH.toString());
    return Optional.of(
        new ServerState(process.pid(), port.get(), uiPort.get(), db.toString(), startedAt));
  }

  private static Optional<String> value(List<String> args, String flag) {
    int at = args.indexOf(flag);
    return at >= 0 && at + 1 < args.size() ? Optional.of(args.get(at + 1)) : Optional.empty();
  }

  private static Optional<Integer> number(String text) {
    try {
      return Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
