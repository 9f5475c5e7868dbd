package dev.braid.activities.plan;

import dev.braid.plan.PlanProblem;
import dev.braid.plan.Priority;
import dev.braid.plan.TaskState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads typed fields from one YAML mapping (a task entry of {@code plan.yaml} or a task file's
 * frontmatter) and records a problem, naming the file, the task and the field, for each value of
 * the wrong kind. A field that is absent or null is simply not there: that is how a file leaves a
 * field to another file or to the default.
 */
final class YamlFields {

  private final Map<?, ?> map;
  private final String file;
  private final List<PlanProblem> problems;
  private String task;

  /**
   * Reads fields from one mapping.
   *
   * @param map the mapping's keys and values
   * @param file the file that holds the mapping, relative to the plan directory
   * @param task the task the mapping describes, or null while its id is not known
   * @param problems where problems are added
   */
  YamlFields(Map<?, ?> map, String file, String task, List<PlanProblem> problems) {
    this.map = map;
    this.file = file;
    this.task = task;
    this.problems = problems;
  }

  /** Names the task in later problems, once its id is known. */
  void describesTask(String id) {
    task = id;
  }

  String file() {
    return file;
  }

  /** Whether the mapping gives this field a value. */
  boolean has(String key) {
    return map.get(key) != null;
  }

  /** A scalar field as text; numbers and booleans are taken as written. */
  Optional<String> text(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (isScalar(value)) {
      return Optional.of(String.valueOf(value));
    }
    problem(key, "must be a single value, not " + kindOf(value));
    return Optional.empty();
  }

  /**
   * The task id, which must be written as a string: YAML 1.1 reads {@code 0x1F} as 31 and {@code
   * on} as true, and an id changed behind the user's back would name another branch.
   */
  Optional<String> id() {
    Object value = map.get("id");
    if (value == null || value instanceof String) {
      return text("id");
    }
    if (isScalar(value)) {
      problem(
          "id",
          "must be a string, but YAML reads it as "
              + kindOf(value)
              + " ("
              + value
              + "); quote it, e.g. id: \"task-1\"");
      return Optional.empty();
    }
    return text("id");
  }

  /** The first of these scalar fields that has a value. */
  Optional<String> firstText(String... keys) {
    for (String key : keys) {
      Optional<String> value = text(key);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /**
   * A list of scalars, such as {@code dependencies} or {@code labels}. A single value counts as a
   * list of one, because people write {@code dependencies: task-0} too.
   */
  Optional<List<String>> texts(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (isScalar(value)) {
      return Optional.of(List.of(String.valueOf(value)));
    }
    if (!(value instanceof List<?> list)) {
      problem(key, "must be a list, not " + kindOf(value));
      return Optional.empty();
    }
    List<String> texts = new ArrayList<>();
    for (Object item : list) {
      if (item == null) {
        problem(key, "has an empty entry");
      } else if (!isScalar(item)) {
        problem(key, "must be a list of single values, but an entry is " + kindOf(item));
      } else {
        texts.add(String.valueOf(item));
      }
    }
    return Optional.of(texts);
  }

  Optional<Priority> priority() {
    return text("priority")
        .flatMap(
            word -> {
              Optional<Priority> priority = Priority.parse(word);
              if (priority.isEmpty()) {
                problem("priority", notOneOf(word, Priority.values()));
              }
              return priority;
            });
  }

  Optional<TaskState> state() {
    return text("status")
        .flatMap(
            word -> {
              Optional<TaskState> state = TaskState.parse(word);
              if (state.isEmpty()) {
                problem("status", notOneOf(word, TaskState.values()));
              }
              return state;
            });
  }

  void problem(String field, String message) {
    problems.add(new PlanProblem(file, task, field, message));
  }

  private static String notOneOf(String word, Enum<?>[] allowed) {
    String names =
        Arrays.stream(allowed)
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    return "'" + word + "' is not one of " + names;
  }

  private static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  private static String kindOf(Object value) {
    if (value instanceof Map<?, ?>) {
      return "a mapping";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return "a " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }
}
