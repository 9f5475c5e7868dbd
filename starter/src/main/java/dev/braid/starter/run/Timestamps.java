package dev.braid.starter.run;

import com.google.protobuf.Timestamp;

/** Temporal's protobuf timestamps as the epoch milliseconds braid's statuses use. */
final class Timestamps {
  private Timestamps() {}

  static long millis(Timestamp t) {
    return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
  }
}
