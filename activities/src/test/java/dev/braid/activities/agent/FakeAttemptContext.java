package dev.braid.activities.agent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An attempt context outside Temporal: a fixed activity attempt, and the heartbeats it got. */
final class FakeAttemptContext implements AttemptContext {
  final List<AttemptProgress> beats = new CopyOnWriteArrayList<>();
  private final int attempt;

  FakeAttemptContext(int attempt) {
    this.attempt = attempt;
  }

  @Override
  public int activityAttempt() {
    return attempt;
  }

  @Override
  public void heartbeat(AttemptProgress progress) {
    beats.add(progress);
  }
}
