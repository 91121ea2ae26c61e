package dev.iamkata.tui.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The two languages of iam-kata, and how the UI picks one. */
public enum Language {
  EN("en"),
  JA("ja");

  /** The code used in lessons ({@code Text.in}), settings and {@code --lang}. */
  public final String code;

  Language(String code) {
    this.code = code;
  }

  /** The language for a code ({@code en}, {@code ja}), if it is one of ours. */
  public static Optional<Language> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip().toLowerCase(Locale.ROOT);
    for (Language l : values()) {
      if (l.code.equals(c)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /**
   * The language from the environment as POSIX locales order it: the first non-empty of {@code
   * LC_ALL}, {@code LC_MESSAGES}, {@code LANG}; {@code ja*} is Japanese, anything else English.
   */
  public static Language fromEnvironment(Map<String, String> env) {
    for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return v.toLowerCase(Locale.ROOT).startsWith("ja") ? JA : EN;
      }
    }
    return EN;
  }

  /**
   * The UI's language: {@code --lang} when given, else the remembered setting, else the
   * environment.
   */
  public static Language choose(
      String flag, Optional<Language> remembered, Map<String, String> env) {
    return parse(flag).or(() -> remembered).orElseGet(() -> fromEnvironment(env));
  }

  public Locale locale() {
    return Locale.forLanguageTag(code);
  }
}
