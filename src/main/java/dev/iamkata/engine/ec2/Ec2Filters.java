package dev.iamkata.engine.ec2;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * EC2's {@code Filter.N.Name}/{@code Filter.N.Value.M} matching, shared by every Describe action.
 */
final class Ec2Filters {
  private Ec2Filters() {}

  /** True when every filter has a value among the resource's values for that filter name. */
  static boolean matches(List<Filter> filters, Map<String, String> values) {
    if (filters == null) {
      return true;
    }
    for (Filter f : filters) {
      String actual = values.get(f.name());
      if (actual == null || !f.hasValues()) {
        continue;
      }
      boolean any = false;
      for (String wanted : f.values()) {
        if (glob(wanted, actual)) {
          any = true;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  /** EC2 filter values: {@code *} any run of characters, {@code ?} one character. */
  private static boolean glob(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(
          c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
    }
    return value.matches(regex.toString());
  }
}
