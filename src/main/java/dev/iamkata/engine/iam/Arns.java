package dev.iamkata.engine.iam;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IAM resource ARNs: building them for authorization and parsing policy ARNs from requests. */
final class Arns {
  private static final Pattern POLICY =
      Pattern.compile(
          "arn:aws:iam::(\\d{12}|aws):policy((?:/[A-Za-z0-9.,+@=_-]+)*/)([\\w+=,.@-]{1,128})");

  private Arns() {}

  /** A parsed managed policy ARN. */
  record PolicyArn(String arn, String account, String path, String name) {
    boolean awsManaged() {
      return "aws".equals(account);
    }
  }

  /** {@code arn:aws:iam::ACCOUNT:type{path}{name}} in the caller's account. */
  static String of(Caller caller, String type, String path, String name) {
    return "arn:aws:iam::"
        + caller.account()
        + ":"
        + type
        + (path == null ? "/" : path)
        + (name == null ? "" : name);
  }

  /** The prefix form list operations authorize on, e.g. {@code arn:aws:iam::A:role/} . */
  static String list(Caller caller, String type, String pathPrefix) {
    return of(caller, type, pathPrefix == null ? "/" : pathPrefix, null);
  }

  /** Parses a policy ARN, or throws {@code InvalidInput} "ARN x is not valid.". */
  static PolicyArn policy(String arn) {
    return parse(arn)
        .orElseThrow(
            () -> new AwsException(AwsError.INVALID_INPUT, "ARN " + arn + " is not valid."));
  }

  /** Parses a permissions boundary ARN, with IAM's message for that parameter. */
  static PolicyArn boundary(String arn) {
    return parse(arn)
        .orElseThrow(
            () ->
                new AwsException(
                    AwsError.INVALID_INPUT,
                    "Value (" + arn + ") for parameter PermissionsBoundary is invalid."));
  }

  private static java.util.Optional<PolicyArn> parse(String arn) {
    Matcher m = POLICY.matcher(arn == null ? "" : arn);
    if (!m.matches()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new PolicyArn(arn, m.group(1), m.group(2), m.group(3)));
  }
}
