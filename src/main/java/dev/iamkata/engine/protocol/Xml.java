package dev.iamkata.engine.protocol;

/**
 * A minimal streaming XML writer for response bodies: the engine only ever writes small,
 * well-formed documents, so escaping text is all it needs.
 */
public final class Xml {
  private final StringBuilder out = new StringBuilder(512);

  public Xml open(String name) {
    out.append('<').append(name).append('>');
    return this;
  }

  public Xml open(String name, String xmlns) {
    out.append('<').append(name).append(" xmlns=\"").append(xmlns).append("\">");
    return this;
  }

  public Xml close(String name) {
    out.append("</").append(name).append('>');
    return this;
  }

  /** Writes {@code <name>text</name>}, or {@code <name/>} for empty text. */
  public Xml element(String name, String text) {
    if (text.isEmpty()) {
      out.append('<').append(name).append("/>");
      return this;
    }
    open(name);
    escape(text);
    return close(name);
  }

  public Xml empty(String name) {
    out.append('<').append(name).append("/>");
    return this;
  }

  /** Escapes element text; quotes stay as they are, as in AWS's own responses. */
  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
