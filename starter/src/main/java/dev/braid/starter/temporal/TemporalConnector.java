package dev.braid.starter.temporal;

import dev.braid.deploy.DevServer;
import dev.braid.deploy.DevServerInfo;
import dev.braid.deploy.TemporalCli;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Connects to Temporal. Where it is comes from Temporal's own conventions ({@link
 * TemporalSettingsLoader}): a profile file, the environment or the flags name a cluster; with none
 * of them braid starts or reuses a dev server whose state lives in the repository's {@code
 * .parallel/temporal/}.
 */
@Component
public class TemporalConnector {
  /** Where the embedded server keeps its state, relative to the repository. */
  public static final Path STATE_DIR = Path.of(".parallel", "temporal");

  private final TemporalFlags flags;
  private final List<WorkflowServiceStubs> opened = new ArrayList<>();
  private ClientEventLoop eventLoop;
  private volatile ClientInstrumentation instrumentation = ClientInstrumentation.NONE;

  public TemporalConnector(TemporalFlags flags) {
    this.flags = flags;
  }

  /**
   * Adds metrics and tracing to the connections made from now on ({@code braid worker}).
   *
   * @param instrumentation the SDK's metrics scope and the client's interceptors
   */
  public void instrument(ClientInstrumentation instrumentation) {
    this.instrumentation = instrumentation;
  }

  /** Where Temporal is for this command: its flags, the environment, the profile file. */
  public TemporalSettings settings() {
    return TemporalSettingsLoader.load(flags);
  }

  /** Whether nothing names a service, so braid runs its own. */
  public boolean embedded() {
    return settings().embedded();
  }

  /**
   * Connects, starting the embedded dev server for this repository when needed. A cluster is probed
   * first, so an unreachable address, a missing namespace or refused credentials fail at once with
   * their own message.
   */
  public Connection connect(Path repo) {
    return connect(repo, false);
  }

  /**
   * Connects to read: on the embedded server, a recorded server that is alive and accepts
   * connections is used as it is, without the checks a start makes (every process's command line
   * scanned for a second server on the database, the HTTP health check), which cost a read-only
   * command most of its time. With no such server, it is started as for any command.
   */
  public Connection connectToRead(Path repo) {
    return connect(repo, true);
  }

  private Connection connect(Path repo, boolean reading) {
    TemporalSettings settings = settings();
    if (settings.embedded()) {
      DevServer devServer = new DevServer(TemporalCli.fromEnvironment());
      Path stateDir = repo.resolve(STATE_DIR);
      DevServerInfo server =
          reading
              ? devServer.status(stateDir).orElseGet(() -> devServer.ensureRunning(stateDir))
              : devServer.ensureRunning(stateDir);
      WorkflowServiceStubs stubs =
          track(
              WorkflowServiceStubs.newServiceStubs(
                  ownThreads(
                      instrumentation.apply(
                          WorkflowServiceStubsOptions.newBuilder()
                              .setTarget(server.address())
                              .build()))));
      WorkflowClient client =
          WorkflowClient.newInstance(
              stubs,
              WorkflowClientOptions.newBuilder()
                  .setNamespace(settings.namespace())
                  .setInterceptors(instrumentation.clientInterceptors())
                  .build());
      return new Connection(
          stubs, client, server.address(), settings.namespace(), server.uiUrl(), true, settings);
    }
    WorkflowServiceStubs stubs =
        track(
            WorkflowServiceStubs.newServiceStubs(
                ownThreads(
                    instrumentation.apply(settings.profile().toWorkflowServiceStubsOptions()))));
    ConnectionProbe.check(stubs, settings);
    WorkflowClient client =
        WorkflowClient.newInstance(
            stubs,
            settings.profile().toWorkflowClientOptions().toBuilder()
                .setNamespace(settings.namespace())
                .setInterceptors(instrumentation.clientInterceptors())
                .build());
    return new Connection(
        stubs,
        client,
        settings.address(),
        settings.namespace(),
        webUi(settings.address()),
        false,
        settings);
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

  private synchronized WorkflowServiceStubsOptions ownThreads(WorkflowServiceStubsOptions options) {
    if (eventLoop == null) {
      eventLoop = new ClientEventLoop();
    }
    return eventLoop.apply(options);
  }

  private synchronized WorkflowServiceStubs track(WorkflowServiceStubs stubs) {
    opened.add(stubs);
    return stubs;
  }

  @PreDestroy
  synchronized void close() {
    opened.forEach(WorkflowServiceStubs::shutdown);
    for (WorkflowServiceStubs stubs : opened) {
      stubs.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
    }
    opened.clear();
    if (eventLoop != null) {
      eventLoop.close();
      eventLoop = null;
    }
  }
}
