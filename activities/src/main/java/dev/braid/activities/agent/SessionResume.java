package dev.braid.activities.agent;

import dev.braid.activity.AttemptRequest;
import dev.braid.config.AgentPreset;
import java.util.List;
import java.util.Optional;

/**
 * Whether an attempt goes on with the agent's session rather than starting afresh: only when a rate
 * limit stopped this same attempt (the workflow then names the session the agent reported), the
 * tier runs a preset that can resume, and this is the activity's first try. A retry of the activity
 * is the next attempt, which starts afresh with the feedback of this one.
 */
final class SessionResume {
  private SessionResume() {}

  /** The argv that resumes the session, from the tier's argv with its placeholders filled. */
  static Optional<List<String>> argv(AttemptRequest r, List<String> argv, int activityAttempt) {
    if (r.resumeSession() == null || activityAttempt != 1 || !r.tier().promptOnStdin()) {
      return Optional.empty();
    }
    return AgentPreset.byId(String.valueOf(r.tier().output()))
        .flatMap(preset -> preset.resumeCommand(argv, r.resumeSession()));
  }
}
