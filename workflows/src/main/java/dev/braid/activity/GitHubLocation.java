package dev.braid.activity;

/**
 * Which GitHub repository a call is about, and through which API. It holds no credential: the
 * worker reads the token from its own environment (see {@link GitHubFlowActivities}).
 *
 * @param repo the main checkout, absolute; its {@code remote} tells the repository when {@code
 *     repository} is null
 * @param remote the remote braid pushes to, such as {@code origin}
 * @param repository {@code owner/name}, the {@code merge.repository} setting; null to derive it
 *     from the remote's URL
 * @param apiUrl GitHub's REST API base URL; null for the worker's {@code GITHUB_API_URL}, else
 *     {@code https://api.github.com}
 */
public record GitHubLocation(String repo, String remote, String repository, String apiUrl) {}
