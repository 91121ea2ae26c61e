package dev.iamkata.engine.policy;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads the values a policy simulation supplies for a context key, by the key's declared {@code
 * ContextKeyType}: whether a value has the form its type needs. The simulator refuses a value that
 * does not; string and boolean values are taken as they are.
 */
public final class ContextValues {
  private static final Pattern YEAR_OR_MONTH = Pattern.compile("[0-9]{4}(-[0-9]{2})?");

  private ContextValues() {}

  /**
   * Whether {@code value} reads as the base type of {@code contextKeyType} ({@code numeric} and
   * {@code numericList} both mean a number, and so on).
   */
  public static boolean valid(String contextKeyType, String value) {
    String base =
        contextKeyType.endsWith("List")
            ? contextKeyType.substring(0, contextKeyType.length() - 4)
            : contextKeyType;
    return switch (base) {
      case "numeric" -> Comparisons.number(value).isPresent();
      // a bare year is accepted by the simulator (recorded: "2035")
      case "date" -> DateValues.parse(value).isPresent() || YEAR_OR_MONTH.matcher(value).matches();
      case "ip" -> IpRange.parse(value).isPresent();
      case "binary" -> isBase64(value);
      default -> true;
    };
  }

  private static boolean isBase64(String value) {
    try {
      Base64.getDecoder().decode(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
