package dev.braid.testsupport.github;

/** The states a submitted pull request review has in GitHub's REST API. */
public enum ReviewState {
  APPROVED,
  CHANGES_REQUESTED,
  COMMENTED
}
