package dev.braid.starter.telemetry;

import dev.braid.activity.GitActivities;
import dev.braid.activity.IntegrationStart;
import dev.braid.activity.MergeRequest;
import dev.braid.activity.MergeResult;
import dev.braid.activity.PublishBranchRequest;
import dev.braid.activity.PushRequest;
import dev.braid.activity.SyncRequest;
import dev.braid.activity.SyncResult;
import dev.braid.activity.UnmergedRequest;
import java.util.List;

/** {@code integrate} merges all but the last branch, which conflicts; nothing else is called. */
public class FakeGit implements GitActivities {
  @Override
  public MergeResult integrate(MergeRequest request) {
    List<String> branches = request.branches();
    return new MergeResult(
        branches.subList(0, branches.size() - 1),
        branches.subList(branches.size() - 1, branches.size()),
        true,
        "",
        "def",
        false);
  }

  @Override
  public boolean push(PushRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public MergeResult merge(MergeRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String startIntegration(IntegrationStart request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public SyncResult syncWithBase(SyncRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void publishBranch(PublishBranchRequest request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void abortMerge(String worktree) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<String> unmerged(UnmergedRequest request) {
    throw new UnsupportedOperationException();
  }
}
