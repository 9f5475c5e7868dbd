package dev.braid.config;

/**
 * Where and how finished work is merged.
 *
 * @param mode direct, pr or none
 * @param target the branch that receives the work, such as {@code main}
 * @param remote the remote to push to when the repository has it, such as {@code origin}
 * @param repository for pull requests: GitHub's {@code owner/name}, or null to read it from the
 *     remote's URL
 * @param apiUrl for pull requests: GitHub's API base URL, or null for the worker's default
 */
public record MergeSettings(
    MergeMode mode, String target, String remote, String repository, String apiUrl) {

  /** Settings without GitHub details. */
  public MergeSettings(MergeMode mode, String target, String remote) {
    this(mode, target, remote, null, null);
  }
}
