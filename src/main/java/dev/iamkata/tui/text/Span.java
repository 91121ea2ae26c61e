package dev.iamkata.tui.text;

/** A run of text in one {@link Style}. */
public record Span(String text, Style style) {

  public Span {
    if (text == null || style == null) {
      throw new IllegalArgumentException("text and style are required");
    }
  }

  public static Span of(String text) {
    return new Span(text, Style.NORMAL);
  }

  /** Display width in terminal columns. */
  public int width() {
    return CharWidth.of(text);
  }
}
