package dev.iamkata.shell;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The shell's own messages in English and Japanese ({@code
 * dev/iamkata/shell/messages*.properties}). Messages that imitate bash or the aws CLI stay in their
 * English original, as they are on a real terminal.
 */
public final class Messages {
  private Locale locale;
  private ResourceBundle bundle;

  public Messages(String lang) {
    setLanguage(lang);
  }

  /** {@code en} or {@code ja}; anything else means English. */
  public void setLanguage(String lang) {
    locale = "ja".equals(lang) ? Locale.JAPANESE : Locale.ROOT;
    bundle =
        ResourceBundle.getBundle(
            "dev.iamkata.shell.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public String language() {
    return locale == Locale.JAPANESE ? "ja" : "en";
  }

  /** The message {@code key} with {@code args} filled in. */
  public String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }
}
