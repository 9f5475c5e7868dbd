package dev.braid.starter.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way of writing one remote gives one identity, and credentials never get into it. */
class RepositoryIdentityTest {
  private static final Path CHECKOUT = Path.of("/home/me/shop");

  @Test
  void theUsualSpellingsOfOneGitHubRepositoryAreOneIdentity() {
    for (String url :
        new String[] {
          "git@github.com:acme/shop.git",
          "git@GitHub.com:acme/shop",
          "https://github.com/acme/shop.git",
          "https://me:ghp_secret@github.com/acme/shop/",
          "ssh://git@github.com/acme/shop.git"
        }) {
      assertEquals("github.com/acme/shop", RepositoryIdentity.normalize(url, CHECKOUT), url);
    }
  }

  @Test
  void aPortStaysAndALocalOriginIsItsAbsolutePath() {
    assertEquals(
        "git.example.com:8443/team/app",
        RepositoryIdentity.normalize("https://git.example.com:8443/team/app.git", CHECKOUT));
    assertEquals(
        "/srv/git/shop", RepositoryIdentity.normalize("file:///srv/git/shop.git", CHECKOUT));
    assertEquals("/srv/git/shop", RepositoryIdentity.normalize("/srv/git/shop.git/", CHECKOUT));
    assertEquals("/home/me/origin", RepositoryIdentity.normalize("../origin.git", CHECKOUT));
  }

  @Test
  void twoClonesOfOneOriginAtDifferentPathsShareAnIdentityAndACheckoutWithoutOriginIsItsPath(
      @TempDir Path tmp) throws Exception {
    Path origin = tmp.resolve("origin.git");
    git(tmp, "init", "-q", "--bare", origin.toString());
    git(tmp, "clone", "-q", origin.toString(), tmp.resolve("a").toString());
    git(tmp, "clone", "-q", origin.toString(), tmp.resolve("b").toString());
    Path alone = Files.createDirectories(tmp.resolve("alone"));
    git(alone, "init", "-q");

    assertEquals(RepositoryIdentity.of(tmp.resolve("a")), RepositoryIdentity.of(tmp.resolve("b")));
    assertEquals(tmp.resolve("origin").toString(), RepositoryIdentity.of(tmp.resolve("a")));
    assertEquals(alone.toString(), RepositoryIdentity.of(alone));
  }

  private static void git(Path dir, String... args) throws Exception {
    String[] argv = new String[args.length + 1];
    argv[0] = "git";
    System.arraycopy(args, 0, argv, 1, args.length);
    Process p = new ProcessBuilder(argv).directory(dir.toFile()).inheritIO().start();
    assertEquals(0, p.waitFor(), String.join(" ", argv));
  }
}
