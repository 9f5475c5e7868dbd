package dev.braid.workflow;

/**
 * A human's decision for a blocked task: the payload of the {@code unblockTask} update and of the
 * {@code unblock} signal. As JSON: {@code {"taskId": "task-3", "action": "retry", "guidance": "Use
 * the v2 API", "tier": "strong"}}.
 *
 * @param taskId the blocked task
 * @param action retry, skip or done
 * @param guidance for retry: text the agent receives in {@code BRAID_GUIDANCE_FILE}, or null
 * @param tier for retry: the tier to start from, or null for the first
 * @param budget for retry: the task's new budget in US dollars (the run's, for a task the run's
 *     budget stopped), or null to keep it
 */
public record UnblockRequest(
    String taskId, UnblockAction action, String guidance, String tier, Double budget) {

  /** A decision that keeps the budget, as every decision did before budgets. */
  public UnblockRequest(String taskId, UnblockAction action, String guidance, String tier) {
    this(taskId, action, guidance, tier, null);
  }
}
