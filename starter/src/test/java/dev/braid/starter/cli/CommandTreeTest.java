package dev.braid.starter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.starter.PlainComponents;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command line that names a subcommand builds only that one; anything else, the whole tree. */
class CommandTreeTest {

  @Test
  void aNamedSubcommandIsTheOnlyOneBuilt() {
    try (PlainComponents components = new PlainComponents()) {
      CommandLine tree = CommandTree.forArgs(components, "status", "--json");
      assertEquals(Set.of("status"), tree.getSubcommands().keySet());
    }
  }

  @Test
  void helpAMistypedNameAndNoNameGetEverySubcommand() {
    try (PlainComponents components = new PlainComponents()) {
      int all = BraidCommand.SUBCOMMANDS.size();
      for (List<String> args :
          List.<List<String>>of(List.of(), List.of("help", "status"), List.of("stauts"))) {
        CommandLine tree = CommandTree.forArgs(components, args.toArray(String[]::new));
        assertEquals(all, tree.getSubcommands().size(), args.toString());
      }
    }
  }

  @Test
  void theHelpOfOneSubcommandAndTheSuggestionsForATypoStayAsTheyWere() {
    try (PlainComponents components = new PlainComponents()) {
      StringWriter out = new StringWriter();
      CommandLine one = CommandTree.forArgs(components, "status", "--help");
      one.setOut(new PrintWriter(out));
      assertEquals(0, one.execute("status", "--help"));
      assertTrue(out.toString().contains("Usage: braid status [-hV]"), out.toString());

      StringWriter err = new StringWriter();
      CommandLine typo = CommandTree.forArgs(components, "stauts");
      typo.setErr(new PrintWriter(err));
      assertEquals(2, typo.execute("stauts"));
      assertTrue(err.toString().contains("status"), "suggests status: " + err);
    }
  }
}
