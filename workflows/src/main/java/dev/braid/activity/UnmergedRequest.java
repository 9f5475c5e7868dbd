package dev.braid.activity;

import java.util.List;

/**
 * Which of these branches hold work the target lacks.
 *
 * @param repo the main checkout, absolute
 * @param target the branch the run brings work to
 * @param branches the task branches to look at
 */
public record UnmergedRequest(String repo, String target, List<String> branches) {

  public UnmergedRequest {
    branches = List.copyOf(branches);
  }
}
