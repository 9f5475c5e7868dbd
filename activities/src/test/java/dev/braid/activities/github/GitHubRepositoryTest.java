package dev.braid.activities.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.braid.activity.PullRequestFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHubRepositoryTest {
  private static final GitHubRepository OCTO_APP = new GitHubRepository("octo", "app");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "git@github.com:octo/app.git",
        "git@github.com:octo/app",
        "github.com:octo/app.git",
        "https://github.com/octo/app.git",
        "https://github.com/octo/app",
        "https://github.com/octo/app/",
        "http://github.com/octo/app.git",
        "https://x-access-token:ghs_abc@github.com/octo/app.git",
        "ssh://git@github.com/octo/app.git",
        "ssh://git@github.com:22/octo/app.git",
        "git://github.com/octo/app.git",
        "https://GitHub.com/octo/app.git",
        "  git@github.com:octo/app.git\n"
      })
  void readsOwnerAndNameFromGitHubRemoteUrls(String url) {
    assertEquals(OCTO_APP, GitHubRepository.ofRemoteUrl("origin", url, Set.of()));
  }

  @Test
  void keepsDotsAndDashesInNames() {
    assertEquals(
        new GitHubRepository("my-org", "my.app_v2"),
        GitHubRepository.ofRemoteUrl("origin", "git@github.com:my-org/my.app_v2.git", Set.of()));
  }

  @Test
  void acceptsAnEnterpriseHostWhenItServesTheApi() {
    Set<String> hosts = RepositoryResolver.gitHubHosts("https://ghe.example.com/api/v3");
    assertEquals(
        OCTO_APP,
        GitHubRepository.ofRemoteUrl("origin", "git@ghe.example.com:octo/app.git", hosts));
    assertEquals(
        Set.of("api.github.com", "github.com"),
        RepositoryResolver.gitHubHosts(GitHubApiUrl.DEFAULT));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/srv/git/app.git",
        "file:///srv/git/app.git",
        "../app.git",
        "git@gitlab.com:octo/app.git",
        "https://github.com/octo/app/tree/main",
        "https://github.com/octo",
        "git@github.com:octo/../app.git",
        ""
      })
  void refusesOtherUrlsNamingTheRemoteAndTheSetting(String url) {
    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () -> GitHubRepository.ofRemoteUrl("upstream", url, Set.of()));

    assertEquals(PullRequestFailure.REPOSITORY_UNKNOWN, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertTrue(failure.getOriginalMessage().contains("remote 'upstream' (" + url.trim() + ")"));
    assertTrue(failure.getOriginalMessage().contains("set merge.repository: owner/name"));
  }

  @Test
  void aRefusedUrlIsShownWithoutItsCredentials() {
    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () ->
                GitHubRepository.ofRemoteUrl(
                    "origin", "https://user:s3cret@gitlab.com/octo/app.git", Set.of()));

    assertFalse(failure.getOriginalMessage().contains("s3cret"));
    assertTrue(failure.getOriginalMessage().contains("https://***@gitlab.com/octo/app.git"));
  }

  @Test
  void parsesTheSetting() {
    assertEquals(OCTO_APP, GitHubRepository.ofFullName("octo/app"));
    assertEquals("octo/app", OCTO_APP.fullName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"octo", "octo/app/x", "/app", "octo/", "octo/a pp", "../x"})
  void refusesAMalformedSetting(String setting) {
    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> GitHubRepository.ofFullName(setting));

    assertEquals(PullRequestFailure.REPOSITORY_UNKNOWN, failure.getType());
    assertTrue(failure.getOriginalMessage().contains("merge.repository '" + setting + "'"));
  }
}
