package dev.braid.starter.config;

import java.util.List;

/** {@code braid.yaml} cannot be used; the message lists every problem, each with file and field. */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** One line a problem, each naming the file and the field. */
  public List<String> problems() {
    return problems;
  }
}
