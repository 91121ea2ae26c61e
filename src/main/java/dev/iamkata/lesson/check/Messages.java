package dev.iamkata.lesson.check;

import dev.iamkata.lesson.model.Text;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The runner's learner-facing texts in English and Japanese, from {@code
 * dev/iamkata/lesson/messages_en.properties} and {@code _ja.properties} (UTF-8).
 */
public final class Messages {
  private static final String BASE = "dev.iamkata.lesson.messages";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final ResourceBundle EN =
      ResourceBundle.getBundle(BASE, Locale.ENGLISH, NO_FALLBACK);
  private static final ResourceBundle JA =
      ResourceBundle.getBundle(BASE, Locale.JAPANESE, NO_FALLBACK);

  private Messages() {}

  /** The message {@code key} in both languages with {@code args} filled in. */
  public static Text text(String key, Object... args) {
    return new Text(format(EN, Locale.ENGLISH, key, args), format(JA, Locale.JAPANESE, key, args));
  }

  private static String format(ResourceBundle bundle, Locale locale, String key, Object[] args) {
    Object[] texts = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      texts[i] = args[i] instanceof Text t ? t.in(locale.getLanguage()) : String.valueOf(args[i]);
    }
    return new MessageFormat(bundle.getString(key), locale).format(texts);
  }
}
