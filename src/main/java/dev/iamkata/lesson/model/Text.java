package dev.iamkata.lesson.model;

/**
 * A learner-facing text in both languages of iam-kata. Bodies are Markdown; the model keeps them
 * plain and a UI renders them.
 *
 * @param en English
 * @param ja Japanese
 */
public record Text(String en, String ja) {

  /** The text in {@code lang} ({@code ja}, else English). */
  public String in(String lang) {
    return "ja".equals(lang) ? ja : en;
  }

  /** The same text with {@code {{name}}} placeholders replaced. */
  public Text with(Placeholders placeholders) {
    return new Text(placeholders.apply(en), placeholders.apply(ja));
  }
}
