package dev.braid.activities.github;

import java.io.IOException;
import org.kohsuke.github.GHRepository;

/** Work done on one repository through github-api, which reports failures as IOExceptions. */
@FunctionalInterface
interface GitHubCall<T> {
  T on(GHRepository repository) throws IOException;
}
