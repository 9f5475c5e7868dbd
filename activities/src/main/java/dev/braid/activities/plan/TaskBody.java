package dev.braid.activities.plan;

/** The Markdown of a task file without its frontmatter: what a reader, or an agent, should see. */
public final class TaskBody {
  private TaskBody() {}

  /**
   * The text after the frontmatter block, or the whole text (without a byte order mark) when there
   * is none. A block that never closes is not frontmatter that can be dropped, so the text stays
   * whole; the plan's validation reports it.
   */
  public static String of(String text) {
    try {
      return FrontmatterBlock.find(text)
          .map(block -> text.substring(block.bodyStart()))
          .orElseGet(() -> text.substring(FrontmatterBlock.contentStart(text)));
    } catch (YamlSyntaxException e) {
      return text.substring(FrontmatterBlock.contentStart(text));
    }
  }
}
