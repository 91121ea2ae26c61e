package dev.iamkata.lesson.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of {@code {{account}}}, {@code {{account2}}}, {@code {{region}}} and {@code {{imds}}}
 * (the backend's instance metadata service, {@code ENDPOINT/_imds}, to which an instance ID is
 * appended) in a lesson's texts, solutions and checks. Not {@code ${...}}: that is the learner's
 * shell.
 */
public final class Placeholders {
  /** The placeholder names a lesson may use. */
  public static final java.util.Set<String> NAMES =
      java.util.Set.of("account", "account2", "region", "imds");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z0-9]+)\\s*}}");
  private final Map<String, String> values;

  public Placeholders(Map<String, String> values) {
    this.values = Map.copyOf(new TreeMap<>(values));
  }

  public static Placeholders of(String account, String account2, String region) {
    return of(account, account2, region, null);
  }

  /**
   * @param endpoint the backend's endpoint, {@code http://127.0.0.1:PORT}, whose {@code /_imds}
   *     serves each instance's metadata; null leaves {@code {{imds}}} as written
   */
  public static Placeholders of(String account, String account2, String region, String endpoint) {
    Map<String, String> v = new TreeMap<>();
    v.put("account", account);
    v.put("account2", account2 == null ? "" : account2);
    v.put("region", region);
    if (endpoint != null) {
      v.put("imds", endpoint + "/_imds");
    }
    return new Placeholders(v);
  }

  /** {@code text} with every known placeholder replaced; unknown ones are left as written. */
  public String apply(String text) {
    if (text == null || !text.contains("{{")) {
      return text;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The placeholder names {@code text} uses, for the linter. */
  public static java.util.List<String> used(String text) {
    java.util.List<String> names = new java.util.ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
