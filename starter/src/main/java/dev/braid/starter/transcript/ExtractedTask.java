package dev.braid.starter.transcript;

/**
 * A task taken out of a plan message, ready to be written.
 *
 * @param id its id
 * @param name its name
 * @param file its task file, relative to the plan directory
 * @param content the task file's text: frontmatter, then Markdown
 * @param origin its heading and line in the message, for messages to users
 */
public record ExtractedTask(String id, String name, String file, String content, String origin) {}
