package dev.braid.starter.cli;

import dev.braid.starter.PlainComponents;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in this JVM, for commands that need no Temporal service. */
final class CliHarness {
  /**
   * What one command line printed and returned.
   *
   * @param exitCode the exit code
   * @param out standard output
   * @param err standard error
   */
  record Result(int exitCode, String out, String err) {}

  private CliHarness() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // The same components the application wires; none connects to Temporal until a command asks.
    try (var components = new PlainComponents()) {
      int code = new BraidCli(components).run(new PrintWriter(out), new PrintWriter(err), args);
      return new Result(code, out.toString(), err.toString());
    }
  }
}
