package dev.braid.activities.git;

import dev.braid.activities.process.Heartbeat;
import java.time.Duration;

/**
 * The heartbeat of one activity call. Processes beat it while they run; the activity also beats it
 * between its steps, because a merge of many branches is a long series of short git calls, none of
 * which lasts long enough to beat on its own. Every beat reports the time since the call started.
 */
final class ActivityProgress implements Heartbeat {
  private final Heartbeat target;
  private final long start = System.nanoTime();

  ActivityProgress(Heartbeat target) {
    this.target = target;
  }

  @Override
  public void beat(long processElapsedMillis) {
    step();
  }

  /** Reports that the activity finished a step and is alive; throws when it has been cancelled. */
  void step() {
    target.beat(Duration.ofNanos(System.nanoTime() - start).toMillis());
  }
}
