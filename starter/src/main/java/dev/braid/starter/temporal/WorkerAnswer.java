package dev.braid.starter.temporal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A call only a worker can answer (an update, a query), bounded: when no worker answers in {@link
 * TemporalDefaults#WORKER_ANSWER_TIMEOUT}, braid says so instead of waiting out Temporal's own
 * timeout and then naming some other cause.
 */
public final class WorkerAnswer {
  private WorkerAnswer() {}

  /** The call's answer; its own exceptions pass through as they are. */
  public static <T> T await(Connection connection, String what, Supplier<T> call) {
    ExecutorService caller =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "braid-worker-call");
              // A call nobody answers must not keep the process alive once braid has said so.
              t.setDaemon(true);
              return t;
            });
    try {
      Future<T> answer = caller.submit(call::get);
      return answer.get(TemporalDefaults.WORKER_ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TemporalUnreachable(
          "no braid worker answered "
              + what
              + " within "
              + TemporalDefaults.WORKER_ANSWER_TIMEOUT.toSeconds()
              + " s on "
              + connection.address()
              + " in namespace "
              + connection.namespace()
              + " (a worker that stopped in the last minute still looks alive to Temporal): start"
              + " `braid worker` with the same Temporal settings, then run this again",
          e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a worker", e);
    } finally {
      caller.shutdownNow();
    }
  }
}
