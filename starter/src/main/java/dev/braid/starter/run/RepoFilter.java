package dev.braid.starter.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Which runs are one repository's, as {@code braid list} asks visibility: those whose {@code
 * BraidRepo} is the repository's identity (the same in each of its clones, on any host), or, for
 * runs an older braid started, this clone's path.
 *
 * @param identity the repository's identity ({@link RepositoryIdentity#of})
 * @param path this clone's absolute path
 */
public record RepoFilter(String identity, Path path) {

  /** The filter of the repository this checkout holds. */
  public static RepoFilter of(Path checkout) {
    return new RepoFilter(RepositoryIdentity.of(checkout), checkout);
  }

  /** The values of {@code BraidRepo} that mark the repository's runs, each once. */
  List<String> values() {
    return identity.equals(path.toString())
        ? List.of(identity)
        : List.of(identity, path.toString());
  }
}
