package dev.iamkata.shell;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which API operation an aws CLI command calls: kebab-case to PascalCase ({@code list-tables} →
 * {@code ListTables}) with the acronyms AWS keeps upper-case, and the s3 high-level commands mapped
 * to the call they make last.
 */
final class AwsOperations {
  /** Words AWS spells in capitals inside operation names ({@code ListMFADevices}). */
  private static final Map<String, String> ACRONYMS =
      Map.of("mfa", "MFA", "saml", "SAML", "ssh", "SSH", "oidc", "OIDC");

  /** Commands that make no API call of their own. */
  private static final Set<String> LOCAL = Set.of("help", "wait");

  private AwsOperations() {}

  /** The operation, or null when the command calls none (configure, help, usage errors). */
  static String operation(AwsArgs a) {
    if (a.service() == null || a.command() == null || LOCAL.contains(a.command())) {
      return null;
    }
    if (a.service().equals("configure") || a.service().equals("help")) {
      return null;
    }
    if (a.service().equals("s3")) {
      return s3(a.command(), a.operands());
    }
    return pascal(a.command());
  }

  static String pascal(String kebab) {
    StringBuilder out = new StringBuilder();
    String joined = kebab.replace("open-id-connect", "openidconnect");
    for (String word : joined.split("-")) {
      if (word.equals("openidconnect")) {
        out.append("OpenIDConnect");
      } else if (ACRONYMS.containsKey(word)) {
        out.append(ACRONYMS.get(word));
      } else if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return out.toString();
  }

  private static String s3(String command, List<String> operands) {
    long remote = operands.stream().filter(o -> o.startsWith("s3://")).count();
    return switch (command) {
      case "ls" -> remote == 0 ? "ListBuckets" : "ListObjectsV2";
      case "mb" -> "CreateBucket";
      case "rb" -> "DeleteBucket";
      case "rm", "mv" -> "DeleteObject";
      case "cp" -> {
        if (remote >= 2) {
          yield "CopyObject";
        }
        boolean download = !operands.isEmpty() && operands.get(0).startsWith("s3://");
        yield download ? "GetObject" : "PutObject";
      }
      case "sync" -> "ListObjectsV2";
      case "presign" -> null;
      default -> pascal(command);
    };
  }
}
