package dev.iamkata.tui.text;

import java.util.ArrayList;
import java.util.List;

/** One terminal line made of styled spans; never wider than the width it was laid out for. */
public record StyledLine(List<Span> spans) {

  public static final StyledLine EMPTY = new StyledLine(List.of());

  public StyledLine {
    spans = List.copyOf(spans);
  }

  public static StyledLine of(String text, Style style) {
    return new StyledLine(List.of(new Span(text, style)));
  }

  public static StyledLine of(Span... spans) {
    return new StyledLine(List.of(spans));
  }

  /** Display width in terminal columns. */
  public int width() {
    int w = 0;
    for (Span s : spans) {
      w += s.width();
    }
    return w;
  }

  /** The text without styles. */
  public String plain() {
    StringBuilder b = new StringBuilder();
    for (Span s : spans) {
      b.append(s.text());
    }
    return b.toString();
  }

  /** This line with {@code prefix} in front. */
  public StyledLine prefixed(Span prefix) {
    List<Span> all = new ArrayList<>(spans.size() + 1);
    all.add(prefix);
    all.addAll(spans);
    return new StyledLine(all);
  }
}
