package dev.braid.activities.cleanup;

/**
 * What cleanup decided for one worktree or branch: removed, kept for a reason, or nothing to do
 * because it is not there (which is what a repeat finds).
 *
 * @param done whether it was removed or deleted now
 * @param keptBecause why it was kept, or null
 */
record Decision(boolean done, String keptBecause) {
  static final Decision DONE = new Decision(true, null);
  static final Decision ABSENT = new Decision(false, null);

  static Decision kept(String why) {
    return new Decision(false, why);
  }

  boolean kept() {
    return keptBecause != null;
  }
}
