package dev.braid.starter.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A host of its own on one machine: a process started in a mount namespace of its own, where the
 * other hosts' folders are covered by an empty tmpfs, so it cannot read or write their checkouts
 * and sees only what it shares with them on purpose (the bare origin, the Temporal server).
 *
 * <p>Root may make a mount namespace at once ({@code unshare -m}); anyone else needs a user
 * namespace too ({@code unshare -rm}), which some kernels refuse to unprivileged users.
 */
final class HostNamespace {
  /** {@code $0} is the folder to hide; the rest is the command, which replaces the shell. */
  private static final String SCRIPT = "mount -t tmpfs none \"$0\" && exec \"$@\"";

  private static final List<String> UNSHARE = choose();

  private HostNamespace() {}

  /** Whether this machine lets the test make mount namespaces. */
  static boolean available() {
    return UNSHARE != null;
  }

  /** Prefixes {@code command} so that it runs with {@code hidden} covered by an empty folder. */
  static void wrap(List<String> command, Path hidden) {
    wrap(UNSHARE, command, hidden);
  }

  private static void wrap(List<String> unshare, List<String> command, Path hidden) {
    command.addAll(0, unshare);
    command.addAll(unshare.size(), List.of("sh", "-c", SCRIPT, hidden.toString()));
  }

  private static List<String> choose() {
    for (List<String> unshare : List.of(List.of("unshare", "-m"), List.of("unshare", "-rm"))) {
      if (works(unshare)) {
        return unshare;
      }
    }
    return null;
  }

  private static boolean works(List<String> unshare) {
    try {
      Path hidden = Files.createTempDirectory("braid-namespace-probe");
      List<String> probe = new ArrayList<>(List.of("true"));
      wrap(unshare, probe, hidden);
      Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      boolean works = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      Files.delete(hidden);
      return works;
    } catch (Exception e) {
      return false;
    }
  }
}
