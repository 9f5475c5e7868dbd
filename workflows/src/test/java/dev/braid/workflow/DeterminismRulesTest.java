package dev.braid.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The static half of braid's determinism guard (the replay tests are the other half). It holds the
 * workflow code, and every package it uses, to the rules temporal-workflowcheck enforces, since
 * that tool is not published to Maven Central: no clock, randomness, threads, I/O or mutable
 * statics.
 */
class DeterminismRulesTest {
  private static final JavaClasses DETERMINISTIC =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              // Everything that runs inside workflow code: the workflows, the plan model, the
              // settings they read, and the activity payload records they build.
              "dev.braid.workflow", "dev.braid.plan", "dev.braid.config", "dev.braid.activity");

  @Test
  void noClockRandomnessOrThreads() {
    ArchRule rule =
        noClasses()
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(System.class, "getenv", String.class)
            .orShould()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.LocalDateTime.class, "now")
            .orShould()
            .callMethod(java.util.UUID.class, "randomUUID")
            .orShould()
            .callMethod(Math.class, "random")
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(
                java.util.Random.class,
                java.util.concurrent.ThreadLocalRandom.class,
                java.security.SecureRandom.class,
                java.time.Clock.class,
                Thread.class,
                java.util.concurrent.ExecutorService.class,
                java.util.concurrent.CompletableFuture.class)
            .because(
                "workflow code must replay to the same commands; use Workflow.currentTimeMillis, Workflow.randomUUID and Async");
    rule.check(DETERMINISTIC);
  }

  @Test
  void noInputOrOutput() {
    ArchRule rule =
        noClasses()
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(
                java.nio.file.Files.class,
                java.io.File.class,
                java.io.FileInputStream.class,
                java.io.FileOutputStream.class)
            .orShould()
            .accessField(System.class, "out")
            .orShould()
            .accessField(System.class, "err")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "java.net..", "org.eclipse.jgit..", "com.fasterxml.jackson.databind..")
            .orShould()
            .callMethod(org.slf4j.LoggerFactory.class, "getLogger", Class.class)
            .because("side effects belong in activities; workflows log through Workflow.getLogger");
    rule.check(DETERMINISTIC);
  }

  @Test
  void noMutableStaticState() {
    fields()
        .that()
        .areStatic()
        .should()
        .beFinal()
        .because("a static a workflow can change is shared across replays")
        .check(DETERMINISTIC);
  }
}
