package dev.braid.activity;

/**
 * A check run that failed on a pull request's head, as the agent's feedback.
 *
 * @param name the check's name, such as {@code ci}
 * @param conclusion GitHub's conclusion, such as {@code failure} or {@code timed_out}
 * @param title the run's output title
 * @param summary the run's output summary, cut to a bounded length
 * @param logExcerpt the end of the run's output text, where a failure's cause usually is, cut to a
 *     bounded length
 * @param url the run's page
 */
public record CheckFailure(
    String name, String conclusion, String title, String summary, String logExcerpt, String url) {}
