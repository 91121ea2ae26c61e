package dev.iamkata.shell.aws.args;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * botocore's {@code xform_name}: the CLI's kebab-case spelling of an operation or member name
 * ({@code GetCallerIdentity} → {@code get-caller-identity}, {@code ListMFADevices} → {@code
 * list-mfa-devices}, {@code PolicyARNs} → {@code policy-arns}).
 */
public final class CliNames {
  private static final Pattern FIRST_CAP = Pattern.compile("(.)([A-Z][a-z]+)");
  private static final Pattern END_CAP = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern SPECIAL = Pattern.compile("[A-Z]{2,}s$");
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private CliNames() {}

  /** The kebab-case name, exactly as botocore's {@code xform_name(name, '-')}. */
  public static String kebab(String name) {
    if (name.indexOf('-') >= 0) {
      return name;
    }
    return CACHE.computeIfAbsent(name, CliNames::transform);
  }

  private static String transform(String name) {
    Matcher special = SPECIAL.matcher(name);
    String n = name;
    if (special.find()) {
      String matched = special.group();
      n = n.substring(0, n.length() - matched.length()) + "-" + matched.toLowerCase();
    }
    String s1 = FIRST_CAP.matcher(n).replaceAll("$1-$2");
    return END_CAP.matcher(s1).replaceAll("$1-$2").toLowerCase();
  }
}
