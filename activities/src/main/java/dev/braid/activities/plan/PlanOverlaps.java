package dev.braid.activities.plan;

import dev.braid.plan.FileOverlap;
import dev.braid.plan.Plan;
import dev.braid.plan.PlanGraph;
import dev.braid.plan.PlanTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which tasks of a plan that may run at the same time declare the same files, and which tasks
 * declare none, so that nobody can tell.
 *
 * @param overlaps each pair of tasks that may run together and share declared files, in plan order
 * @param undeclared the tasks whose files say nothing about what they touch, in plan order
 */
public record PlanOverlaps(List<FileOverlap> overlaps, List<String> undeclared) {

  private static final Pattern GLOB = Pattern.compile("[*?\\[{]");

  public PlanOverlaps {
    overlaps = List.copyOf(overlaps);
    undeclared = List.copyOf(undeclared);
  }

  /** Reads every task file of a valid plan and compares what they declare. */
  public static PlanOverlaps of(Plan plan) {
    Map<String, DeclaredFiles> declared = new LinkedHashMap<>();
    for (PlanTask task : plan.tasks()) {
      Path file = Path.of(plan.dir()).resolve(task.file());
      try {
        declared.put(task.id(), DeclaredFiles.of(Files.readString(file, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return of(plan, declared);
  }

  /** Compares what the tasks declare; a task missing from the map declares nothing. */
  public static PlanOverlaps of(Plan plan, Map<String, DeclaredFiles> declared) {
    PlanGraph graph = PlanGraph.of(plan);
    List<PlanTask> tasks = plan.tasks();
    List<FileOverlap> overlaps = new ArrayList<>();
    List<String> undeclared = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      String a = tasks.get(i).id();
      DeclaredFiles filesOfA = declared.getOrDefault(a, DeclaredFiles.UNKNOWN);
      if (!filesOfA.declared()) {
        undeclared.add(a);
      }
      Set<String> after = graph.dependentsOf(a);
      for (int j = i + 1; j < tasks.size(); j++) {
        String b = tasks.get(j).id();
        if (after.contains(b) || graph.dependentsOf(b).contains(a)) {
          continue; // one waits for the other: they never run at the same time
        }
        List<String> shared =
            shared(filesOfA.paths(), declared.getOrDefault(b, DeclaredFiles.UNKNOWN).paths());
        if (!shared.isEmpty()) {
          overlaps.add(new FileOverlap(a, b, shared));
        }
      }
    }
    return new PlanOverlaps(overlaps, undeclared);
  }

  /**
   * What two lists of paths have in common. Two different globs are not compared: whether they meet
   * depends on files that may not exist yet.
   */
  static List<String> shared(List<String> first, List<String> second) {
    Set<String> shared = new LinkedHashSet<>();
    for (String a : first) {
      for (String b : second) {
        if (a.equals(b)) {
          shared.add(a);
        } else if (isGlob(a) && !isGlob(b) && matches(a, b)) {
          shared.add(b + " (" + a + ")");
        } else if (isGlob(b) && !isGlob(a) && matches(b, a)) {
          shared.add(a + " (" + b + ")");
        }
      }
    }
    return List.copyOf(shared);
  }

  static boolean isGlob(String path) {
    return GLOB.matcher(path).find();
  }

  private static boolean matches(String glob, String path) {
    // As in .gitignore and most tools, "**/" also stands for no folder at all: src/**/*.ts holds
    // src/a.ts, which the JDK's glob alone would not match.
    return matchesJdkGlob(glob, path)
        || (glob.contains("**/") && matchesJdkGlob(glob.replace("**/", ""), path));
  }

  private static boolean matchesJdkGlob(String glob, String path) {
    try {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      return matcher.matches(Path.of(path));
    } catch (IllegalArgumentException e) {
      return false; // not a glob the JDK can read (an unclosed '['): it names no file either
    }
  }
}
