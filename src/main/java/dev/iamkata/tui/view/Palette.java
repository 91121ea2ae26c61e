package dev.iamkata.tui.view;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.TextColor.ANSI;
import dev.iamkata.tui.text.Style;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How each {@link Style} looks. Three levels: full colour; {@link #MONO} for {@code NO_COLOR}
 * (attributes such as bold and reverse, no colour); {@link #PLAIN} for {@code TERM=dumb} (no
 * attributes). Meaning never rests on colour alone: pass and fail also carry ✓ and ✗.
 */
public final class Palette {

  /** The look of one style. */
  public record Look(TextColor fg, TextColor bg, Set<SGR> sgr) {}

  private static final Look NONE = new Look(ANSI.DEFAULT, ANSI.DEFAULT, Set.of());

  private final Map<Style, Look> looks;

  private Palette(Map<Style, Look> looks) {
    this.looks = looks;
  }

  public static final Palette COLOR = colour();
  public static final Palette MONO = mono();
  public static final Palette PLAIN = new Palette(new EnumMap<>(Style.class));

  /** The palette for an environment: {@code NO_COLOR} set → mono, {@code TERM=dumb} → plain. */
  public static Palette forEnvironment(Map<String, String> env) {
    if ("dumb".equals(env.get("TERM"))) {
      return PLAIN;
    }
    String noColor = env.get("NO_COLOR");
    return noColor != null && !noColor.isEmpty() ? MONO : COLOR;
  }

  public Look look(Style style) {
    return looks.getOrDefault(style, NONE);
  }

  private static Palette colour() {
    Map<Style, Look> m = new EnumMap<>(Style.class);
    m.put(Style.HEADING, look(ANSI.CYAN_BRIGHT, SGR.BOLD));
    m.put(Style.STRONG, look(ANSI.DEFAULT, SGR.BOLD));
    m.put(Style.EMPHASIS, look(ANSI.DEFAULT, SGR.ITALIC));
    m.put(Style.CODE, look(ANSI.YELLOW));
    m.put(Style.LINK, look(ANSI.BLUE_BRIGHT, SGR.UNDERLINE));
    m.put(Style.QUOTE, look(ANSI.WHITE));
    m.put(Style.DIM, look(ANSI.WHITE));
    m.put(Style.BULLET, look(ANSI.CYAN));
    m.put(Style.TABLE_BORDER, look(ANSI.WHITE));
    m.put(Style.TABLE_HEADER, look(ANSI.DEFAULT, SGR.BOLD));
    m.put(Style.CODE_KEY, look(ANSI.CYAN));
    m.put(Style.CODE_STRING, look(ANSI.GREEN));
    m.put(Style.CODE_LITERAL, look(ANSI.MAGENTA));
    m.put(Style.CODE_PROMPT, look(ANSI.WHITE, SGR.BOLD));
    m.put(Style.CODE_COMMENT, look(ANSI.WHITE));
    m.put(Style.CODE_FLAG, look(ANSI.YELLOW_BRIGHT));
    m.put(Style.PASS, look(ANSI.GREEN_BRIGHT, SGR.BOLD));
    m.put(Style.FAIL, look(ANSI.RED_BRIGHT, SGR.BOLD));
    m.put(Style.WARN, look(ANSI.YELLOW_BRIGHT, SGR.BOLD));
    m.put(Style.SELECTED, new Look(ANSI.BLACK, ANSI.CYAN, Set.of(SGR.BOLD)));
    m.put(Style.KEY_HINT, new Look(ANSI.BLACK, ANSI.WHITE, Set.of()));
    return new Palette(m);
  }

  private static Palette mono() {
    Map<Style, Look> m = new EnumMap<>(Style.class);
    for (Style s :
        EnumSet.of(
            Style.HEADING,
            Style.STRONG,
            Style.TABLE_HEADER,
            Style.PASS,
            Style.FAIL,
            Style.WARN,
            Style.CODE_PROMPT)) {
      m.put(s, look(ANSI.DEFAULT, SGR.BOLD));
    }
    m.put(Style.LINK, look(ANSI.DEFAULT, SGR.UNDERLINE));
    m.put(Style.SELECTED, look(ANSI.DEFAULT, SGR.REVERSE));
    m.put(Style.KEY_HINT, look(ANSI.DEFAULT, SGR.REVERSE));
    return new Palette(m);
  }

  private static Look look(TextColor fg, SGR... sgr) {
    return new Look(fg, ANSI.DEFAULT, sgr.length == 0 ? Set.of() : EnumSet.of(sgr[0], sgr));
  }
}
