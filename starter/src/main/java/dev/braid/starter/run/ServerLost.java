package dev.braid.starter.run;

/** The Temporal server went away while braid was following a run. The run itself is safe. */
public class ServerLost extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ServerLost(String address, Throwable cause) {
    super(
        "lost the connection to the Temporal server at "
            + address
            + ". The run is safe in the server's database; start braid execute (or braid status"
            + " --watch) again to carry on, which restarts the embedded server when needed.",
        cause);
  }

  /** Whether a failure, anywhere in its chain, is the server being unreachable. */
  static boolean causedBy(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.grpc.StatusRuntimeException grpc
          && grpc.getStatus().getCode() == io.grpc.Status.Code.UNAVAILABLE) {
        return true;
      }
    }
    return false;
  }
}
