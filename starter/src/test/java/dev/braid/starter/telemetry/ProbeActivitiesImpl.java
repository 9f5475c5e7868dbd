package dev.braid.starter.telemetry;

import dev.braid.activity.AttemptRequest;
import dev.braid.activity.AttemptResult;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.activity.Usage;
import dev.braid.plan.TaskState;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first attempt fails its checks, the next ones pass; a merge step merges all but the last
 * branch, which conflicts; status writes change nothing.
 */
public class ProbeActivitiesImpl implements ProbeActivities {
  private final AtomicInteger attempts = new AtomicInteger();

  @Override
  public AttemptResult attempt(AttemptRequest request) {
    if (attempts.incrementAndGet() == 1) {
      throw ApplicationFailure.newFailure("a check failed", "ChecksFailed", Usage.unknown());
    }
    return new AttemptResult(attempts.get(), "abc", Usage.unknown(), "/log");
  }

  @Override
  public MergeResult integrate(MergeRequest request) {
    List<String> branches = request.branches();
    int last = branches.size() - 1;
    return new MergeResult(
        branches.subList(0, last), branches.subList(last, last + 1), true, "", "def", false);
  }

  @Override
  public void setTaskStatus(String planDir, String taskFile, TaskState state) {}
}
