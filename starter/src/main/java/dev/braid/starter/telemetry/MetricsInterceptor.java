package dev.braid.starter.telemetry;

import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/** Counts braid's metrics around the activities this worker runs ({@link ActivityMeter}). */
public final class MetricsInterceptor extends WorkerInterceptorBase {
  private final BraidMetrics metrics;

  public MetricsInterceptor(BraidMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityMeter(next, metrics);
  }
}
