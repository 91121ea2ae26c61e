package dev.iamkata.tui.i18n;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's strings in one language. Bundles are UTF-8 properties files (Java 9+ reads properties
 * bundles as UTF-8); the no-fallback control keeps the JVM's default locale from picking a bundle
 * other than the one asked for. A missing key shows as {@code !key!} instead of failing the UI; a
 * test keeps both bundles complete.
 */
public final class Messages {
  static final String BUNDLE = "dev.iamkata.tui.messages";

  private final Language language;
  private final ResourceBundle bundle;

  private Messages(Language language, ResourceBundle bundle) {
    this.language = language;
    this.bundle = bundle;
  }

  public static Messages of(Language language) {
    ResourceBundle b =
        ResourceBundle.getBundle(
            BUNDLE,
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new Messages(language, b);
  }

  public Language language() {
    return language;
  }

  /** The string for {@code key} with {@code {0}}, {@code {1}}, … replaced by {@code args}. */
  public String get(String key, Object... args) {
    String s;
    try {
      s = bundle.getString(key);
    } catch (MissingResourceException e) {
      return "!" + key + "!";
    }
    for (int i = 0; i < args.length; i++) {
      s = s.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return s;
  }

  /**
   * The string for {@code key}, or {@code fallback} when the bundle has none (e.g. a new track).
   */
  public String getOr(String key, String fallback) {
    return bundle.containsKey(key) ? bundle.getString(key) : fallback;
  }

  /** Every key, sorted (for the completeness test). */
  public List<String> keys() {
    List<String> keys = new ArrayList<>(bundle.keySet());
    Collections.sort(keys);
    return keys;
  }
}
