package dev.iamkata.tui.text;

/**
 * What a piece of text is, not how it looks: the screens map each style to colours and attributes
 * (and to plain text when colours are off).
 */
public enum Style {
  NORMAL,
  HEADING,
  STRONG,
  EMPHASIS,
  CODE,
  LINK,
  QUOTE,
  DIM,
  BULLET,
  TABLE_BORDER,
  TABLE_HEADER,
  /** A JSON object key inside a code block. */
  CODE_KEY,
  /** A string literal inside a code block. */
  CODE_STRING,
  /** A number, {@code true}, {@code false} or {@code null} inside a code block. */
  CODE_LITERAL,
  /** A shell prompt ({@code $ }) inside a code block. */
  CODE_PROMPT,
  /** A shell comment inside a code block. */
  CODE_COMMENT,
  /** A command's {@code --flag} inside a code block. */
  CODE_FLAG,
  PASS,
  FAIL,
  WARN,
  SELECTED,
  KEY_HINT
}
