package dev.braid.starter.cli;

import dev.braid.starter.run.RunSession;
import dev.braid.starter.run.Workspace;
import dev.braid.starter.temporal.Connection;
import dev.braid.starter.temporal.WorkerMode;
import dev.braid.starter.webhook.WebhookServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code braid webhook}: GitHub's deliveries cut the waits of watched pull requests short. */
@Command(
    name = "webhook",
    mixinStandardHelpOptions = true,
    header = "Receives GitHub's webhooks so waiting tasks look at their pull requests at once.",
    description = {
      "With github.watch, each task looks at its pull request now and then (github.poll, doubling"
          + " up to 10 minutes). This receiver takes GitHub's webhook deliveries (pull requests,"
          + " reviews, check runs and suites, statuses) on POST "
          + WebhookServer.PATH
          + ", checks their signature, and tells the running tasks of the branches they name to"
          + " look now. A delivery decides nothing: the task reads the pull request itself.",
      "",
      "On GitHub: Settings > Webhooks > Add webhook; payload URL https://<this host>"
          + WebhookServer.PATH
          + ", content type application/json, the same secret as BRAID_WEBHOOK_SECRET, and the"
          + " events Pull requests, Pull request reviews, Check runs, Check suites and Statuses."
          + " Put it behind your HTTPS proxy or tunnel; it listens on loopback by default."
    },
    footer = {
      "",
      "Environment:",
      "  BRAID_WEBHOOK_SECRET  the webhook's secret (required; deliveries not signed with it get"
          + " 401)",
      "",
      "Example:",
      "  BRAID_WEBHOOK_SECRET=... braid webhook --listen 127.0.0.1:8787"
    })
public class WebhookCommand implements Callable<Integer> {
  static final String ENV_SECRET = "BRAID_WEBHOOK_SECRET";

  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "For the embedded server: the repository (default: the current one).")
  Path repo;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:BRAID_WEBHOOK_LISTEN:-127.0.0.1:8787}",
      description = "Where to listen. Default: ${DEFAULT-VALUE}; port 0 picks a free one.")
  String listen;

  private final RunSession session;

  public WebhookCommand(RunSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    String secret = System.getenv(ENV_SECRET);
    if (secret == null || secret.isBlank()) {
      throw new UsageError(
          ENV_SECRET
              + " is not set: GitHub signs each delivery with the webhook's secret, and"
              + " braid takes none it cannot check");
    }
    InetSocketAddress address = address(listen);
    Path root = Workspace.resolveRepo(repo);
    Connection connection =
        session.connect(
            new Workspace(root, null, root.resolve("braid.yaml"), false), WorkerMode.NONE);
    try (WebhookServer server = WebhookServer.start(address, secret, connection.client())) {
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "braid webhook listening on http://%s:%d%s for the runs on %s (namespace %s)%n",
          server.address().getHostString(),
          server.address().getPort(),
          WebhookServer.PATH,
          connection.address(),
          connection.namespace());
      out.flush();
      new CountDownLatch(1).await();
    }
    return ExitCodes.DONE;
  }

  private static InetSocketAddress address(String listen) {
    int colon = listen.lastIndexOf(':');
    try {
      int port = Integer.parseInt(listen.substring(colon + 1));
      if (colon < 1 || port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(listen.substring(0, colon), port);
    } catch (NumberFormatException e) {
      throw new UsageError("--listen must be HOST:PORT, such as 127.0.0.1:8787, not " + listen);
    }
  }
}
