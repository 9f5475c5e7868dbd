package dev.braid.starter.temporal;

import java.util.Map;

/**
 * The search attributes the CLI sets itself when it starts a run, beside those the workflow upserts
 * ({@code BraidNames}, declared by the dev server): the run's workflow code never sees them, so
 * they can be added without a change to its history.
 */
public final class StarterSearchAttributes {
  /**
   * The repository a run works on, by its identity ({@code RepositoryIdentity}: its origin's URL,
   * or with no origin its path), so {@code braid list} in any of its clones shows its runs on a
   * cluster that many share. Runs an older braid started hold the starting clone's path.
   */
  public static final String SA_REPO = "BraidRepo";

  /** Every attribute the CLI sets, with its Temporal type, as the dev server takes them. */
  public static final Map<String, String> ALL = Map.of(SA_REPO, "Keyword");

  private StarterSearchAttributes() {}
}
