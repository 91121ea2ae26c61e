package dev.iamkata.tui.text;

import com.googlecode.lanterna.TerminalTextUtils;

/**
 * How many terminal columns a character takes. Lanterna's table (the same one its screens use to
 * place characters) decides double width, so what we measure is what the screen draws.
 */
public final class CharWidth {
  private CharWidth() {}

  /** Columns taken by one UTF-16 char: 0 for a control char or a low surrogate, else 1 or 2. */
  public static int of(char c) {
    if (Character.isLowSurrogate(c) || c < 0x20 || c == 0x7f) {
      return 0;
    }
    if (Character.isHighSurrogate(c)) {
      // Characters outside the BMP that a terminal shows (emoji, rare kanji) are wide.
      return 2;
    }
    return TerminalTextUtils.isCharDoubleWidth(c) ? 2 : 1;
  }

  /** Columns taken by {@code text}. */
  public static int of(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); i++) {
      w += of(text.charAt(i));
    }
    return w;
  }

  /** True for a character that wraps on its own, without spaces (Japanese, Chinese, Korean). */
  public static boolean breaksAnywhere(char c) {
    return of(c) == 2 || TerminalTextUtils.isCharCJK(c);
  }

  /**
   * The longest prefix of {@code text} that fits in {@code columns}, never splitting a surrogate
   * pair.
   */
  public static String fit(String text, int columns) {
    int w = 0;
    int i = 0;
    while (i < text.length()) {
      int step = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
      int cw = of(text.charAt(i));
      if (w + cw > columns) {
        break;
      }
      w += cw;
      i += step;
    }
    return text.substring(0, i);
  }
}
