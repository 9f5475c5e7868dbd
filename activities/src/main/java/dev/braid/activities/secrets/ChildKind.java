package dev.braid.activities.secrets;

/** What a child process is for, which decides what of braid's environment it may see. */
public enum ChildKind {
  /** A coding agent: gets the model providers' keys and its tier's listed names. */
  AGENT,
  /** A check, in a task's worktree or on a merged result. */
  CHECK,
  /** A setup command in a new worktree. */
  SETUP,
  /** The notify command run when a task blocks. */
  NOTIFY,
  /** git run by braid itself: it keeps what git needs to authenticate a push. */
  GIT
}
