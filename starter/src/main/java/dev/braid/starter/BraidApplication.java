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
 * the Temporal connection are closed when the process ends); picocli reads the command line.
 */
@SpringBootApplication
public class BraidApplication {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line in a fresh application context and returns the exit code. */
  public static int run(String[] args) {
    // The command line is picocli's alone; Spring reads its settings from application.yml and the
    // environment.
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(BraidApplication.class)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .web(WebApplicationType.NONE)
            .run();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = new BraidCli(context.getAutowireCapableBeanFactory()).run(out, err, args);
    return SpringApplication.exit(context, () -> code);
  }
}
