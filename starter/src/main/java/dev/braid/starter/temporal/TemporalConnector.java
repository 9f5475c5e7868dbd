package dev.braid.starter.temporal;

import dev.braid.deploy.DevServer;
import dev.braid.deploy.DevServerInfo;
import dev.braid.deploy.TemporalCli;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Connects to Temporal. With no {@code TEMPORAL_ADDRESS}, braid starts or reuses a dev server whose
 * state lives in the repository's {@code .parallel/temporal/}; otherwise it follows Temporal's own
 * conventions (environment variables, profiles, TLS, API keys) through the SDK's envconfig module.
 */
@Component
public class TemporalConnector {
  /** Where the embedded server keeps its state, relative to the repository. */
  public static final Path STATE_DIR = Path.of(".parallel", "temporal");

  /** The namespace used when none is named, as Temporal's own CLI does. */
  static final String DEFAULT_NAMESPACE = "default";

  private final List<WorkflowServiceStubs> opened = new ArrayList<>();

  /** Whether the environment names a Temporal service; if not, braid embeds one. */
  public static boolean embedded() {
    String address = System.getenv("TEMPORAL_ADDRESS");
    return address == null || address.isBlank();
  }

  /** Connects, starting the embedded dev server for this repository when needed. */
  public Connection connect(Path repo) {
    if (embedded()) {
      DevServerInfo server =
          new DevServer(TemporalCli.fromEnvironment()).ensureRunning(repo.resolve(STATE_DIR));
      WorkflowServiceStubs stubs =
          track(
              WorkflowServiceStubs.newServiceStubs(
                  WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build()));
      WorkflowClient client =
          WorkflowClient.newInstance(
              stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
      return new Connection(stubs, client, server.address(), "default", server.uiUrl(), true);
    }
    try {
      ClientConfigProfile profile = ClientConfigProfile.load();
      WorkflowServiceStubs stubs =
          track(WorkflowServiceStubs.newServiceStubs(profile.toWorkflowServiceStubsOptions()));
      WorkflowClientOptions options = profile.toWorkflowClientOptions();
      if (options.getNamespace() == null || options.getNamespace().isBlank()) {
        // TEMPORAL_ADDRESS alone names a service; Temporal's own tools then use "default".
        options = options.toBuilder().setNamespace(DEFAULT_NAMESPACE).build();
      }
      WorkflowClient client = WorkflowClient.newInstance(stubs, options);
      return new Connection(
          stubs,
          client,
          profile.getAddress(),
          options.getNamespace(),
          webUi(profile.getAddress()),
          false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Temporal client configuration", e);
    }
  }

  /** The embedded dev server of this repository, started if it is not running. */
  public DevServerInfo ensureServer(Path repo) {
    return new DevServer(TemporalCli.fromEnvironment()).ensureRunning(repo.resolve(STATE_DIR));
  }

  /** Stops the embedded dev server of this repository, if one runs. */
  public boolean stopServer(Path repo) {
    return new DevServer(TemporalCli.fromEnvironment()).stop(repo.resolve(STATE_DIR));
  }

  /** Temporal Cloud's UI is known from the address; a self-hosted UI is named by BRAID_WEB_UI. */
  private static String webUi(String address) {
    String configured = System.getenv("BRAID_WEB_UI");
    if (configured != null && !configured.isBlank()) {
      return configured.replaceAll("/+$", "");
    }
    if (address != null && address.contains(".tmprl.cloud")) {
      return "https://cloud.temporal.io";
    }
    return null;
  }

  private synchronized WorkflowServiceStubs track(WorkflowServiceStubs stubs) {
    opened.add(stubs);
    return stubs;
  }

  @PreDestroy
  synchronized void close() {
    opened.forEach(WorkflowServiceStubs::shutdown);
    opened.clear();
  }
}
