package dev.braid.starter.config;

/**
 * git's rules for a branch name ({@code git check-ref-format --branch}), checked without running
 * git, so that a name from {@code braid.yaml} can never be read by git as an option or a path.
 */
final class BranchNames {

  private BranchNames() {}

  static boolean valid(String name) {
    if (name.isEmpty() || name.startsWith("-") || name.startsWith("/") || name.endsWith("/")) {
      return false;
    }
    if (name.contains("..") || name.contains("@{") || name.contains("//") || name.equals("@")) {
      return false;
    }
    if (name.endsWith(".") || name.endsWith(".lock")) {
      return false;
    }
    for (String part : name.split("/")) {
      if (part.startsWith(".") || part.endsWith(".lock")) {
        return false;
      }
    }
    return name.chars().noneMatch(c -> c <= 0x20 || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0);
  }
}
