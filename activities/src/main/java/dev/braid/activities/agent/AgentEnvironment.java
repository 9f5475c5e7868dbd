package dev.braid.activities.agent;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code BRAID_*} variables an agent, and its checks, run with (contract). They are added to
 * the worker's environment, which the process inherits; none of them holds a secret.
 */
final class AgentEnvironment {
  private AgentEnvironment() {}

  /**
   * The variables of one attempt.
   *
   * @param feedback the previous attempt's failure, or null on the first attempt
   * @param guidance the human's guidance file, or null when there is none
   */
  static Map<String, String> of(
      String runId,
      String taskId,
      String taskFile,
      Path promptFile,
      int attempt,
      String tier,
      Path feedback,
      Path guidance) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("BRAID_RUN_ID", runId);
    env.put("BRAID_TASK_ID", taskId);
    env.put("BRAID_TASK_FILE", taskFile);
    env.put("BRAID_PROMPT_FILE", promptFile.toString());
    env.put("BRAID_ATTEMPT", Integer.toString(attempt));
    env.put("BRAID_TIER", tier);
    if (feedback != null) {
      env.put("BRAID_FEEDBACK_FILE", feedback.toString());
    }
    if (guidance != null) {
      env.put("BRAID_GUIDANCE_FILE", guidance.toString());
    }
    return env;
  }

  /**
   * The variables the checks of a human's manual fix run with: only those that still mean something
   * when no agent ran.
   */
  static Map<String, String> manual(String runId, String taskId) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("BRAID_RUN_ID", runId);
    env.put("BRAID_TASK_ID", taskId);
    return env;
  }
}
