package dev.braid.workflow;

/**
 * Word from a webhook receiver ({@code braid webhook}) that GitHub has news for a task's pull
 * request. It carries nothing from GitHub: it only cuts the current wait short, and the task reads
 * the pull request itself, so a forged or misrouted delivery costs one look and decides nothing.
 */
final class GitHubNews {
  private int heard;

  void heard() {
    heard++;
  }

  int count() {
    return heard;
  }
}
