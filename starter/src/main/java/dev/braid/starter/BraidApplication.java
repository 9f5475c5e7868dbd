package dev.braid.starter;

import dev.braid.starter.cli.BraidCli;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code braid} process. Spring Boot wires the components and their lifecycle (the worker and
 * the Temporal connection are closed when the process ends); picocli reads the command line. The
 * commands that only read are wired by hand ({@link PlainComponents}), since Spring's start would
 * be most of their time.
 */
@SpringBootApplication
public class BraidApplication {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line and returns the exit code. */
  public static int run(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    if (ReadOnlyCommands.matches(args)) {
      try (PlainComponents components = new PlainComponents()) {
        return new BraidCli(components).run(out, err, args);
      }
    }
    // The command line is picocli's alone; Spring reads its settings from application.yml and the
    // environment.
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(BraidApplication.class)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .web(WebApplicationType.NONE)
            .run();
    var beans = context.getAutowireCapableBeanFactory();
    int code = new BraidCli(beans::createBean).run(out, err, args);
    return SpringApplication.exit(context, () -> code);
  }
}
