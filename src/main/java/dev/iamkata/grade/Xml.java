package dev.iamkata.grade;

/** XML 1.0 escaping for text and attribute values. */
final class Xml {
  private Xml() {}

  /**
   * {@code text} safe inside an attribute value in double quotes: markup characters escaped, line
   * breaks and tabs as character references (so parsers keep them), and characters XML 1.0 cannot
   * carry at all (terminal colour escapes from command output, NUL) replaced by U+FFFD.
   */
  static String attribute(String text) {
    return escape(text, true);
  }

  /** {@code text} safe as element content. */
  static String text(String text) {
    return escape(text, false);
  }

  private static String escape(String text, boolean attribute) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> out.appendCodePoint(allowed(c) ? c : 0xFFFD);
      }
    }
    return out.toString();
  }

  /** XML 1.0's Char production (a lone surrogate comes out of codePointAt as itself). */
  private static boolean allowed(int c) {
    return (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF)
        || c == 0x9
        || c == 0xA
        || c == 0xD;
  }
}
