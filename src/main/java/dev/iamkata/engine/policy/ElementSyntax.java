package dev.iamkata.engine.policy;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The syntax IAM requires of Action and Resource entries: {@code vendor:action} with a plain
 * vendor, resources as {@code *} or an ARN in the {@code aws} partition, and, in trust policies,
 * only the STS actions that start or tag a role session.
 */
final class ElementSyntax {
  private static final Pattern VENDOR = Pattern.compile("[A-Za-z0-9.-]+");
  private static final List<String> TRUST_ACTIONS =
      List.of(
          "sts:AssumeRole",
          "sts:AssumeRoleWithSAML",
          "sts:AssumeRoleWithWebIdentity",
          "sts:TagSession",
          "sts:SetSourceIdentity",
          "sts:SetContext");
  private static final String STS_PREFIX = "sts:";

  private ElementSyntax() {}

  static void actions(Statement statement, PolicyKind kind) {
    allActions(statement).forEach(action -> action(action, kind));
  }

  /** A trust-policy action must name, or by wildcards cover, one of the session actions. */
  static void trustActions(Statement statement, PolicyKind kind) {
    allActions(statement)
        .forEach(
            action -> {
              boolean sts = action.regionMatches(true, 0, STS_PREFIX, 0, STS_PREFIX.length());
              Glob pattern = Glob.of(action);
              if (!sts || TRUST_ACTIONS.stream().noneMatch(a -> pattern.matches(a, true))) {
                throw Problem.TRUST_ACTIONS.in(kind);
              }
            });
  }

  static void resources(Statement statement, PolicyKind kind) {
    Stream.concat(statement.resources().stream(), statement.notResources().stream())
        .forEach(resource -> resource(resource, kind));
  }

  private static Stream<String> allActions(Statement statement) {
    return Stream.concat(statement.actions().stream(), statement.notActions().stream());
  }

  private static void action(String action, PolicyKind kind) {
    if (action.equals("*")) {
      return;
    }
    int colon = action.indexOf(':');
    if (colon < 0) {
      throw Problem.MISSING_VENDOR.in(kind);
    }
    if (action.indexOf(':', colon + 1) >= 0) {
      throw Problem.EXTRA_COLON.in(kind);
    }
    String vendor = action.substring(0, colon);
    if (vendor.contains("*") || vendor.contains("?")) {
      throw Problem.VENDOR_WILDCARD.in(kind);
    }
    if (!VENDOR.matcher(vendor).matches()) {
      throw Problem.INVALID_VENDOR.in(kind, vendor);
    }
  }

  private static void resource(String resource, PolicyKind kind) {
    if (resource.equals("*")) {
      return;
    }
    if (!resource.contains(":")) {
      throw Problem.RESOURCE_NOT_ARN.in(kind, resource);
    }
    String[] parts = resource.split(":", -1);
    if (!parts[1].equals("aws") && !parts[1].equals("*")) {
      throw Problem.INVALID_PARTITION.in(kind, parts[1], asArn(parts));
    }
    if (parts.length < 3) {
      throw Problem.RESOURCE_VENDOR.in(kind);
    }
    boolean tooFewParts = parts.length < 6 && resource.contains("::");
    if (tooFewParts || parts[2].isEmpty()) {
      throw Problem.LEGACY_PARSING.in(kind);
    }
    boolean hasRegion = parts.length > 3 && !parts[3].isEmpty();
    if (hasRegion && parts[2].equals("iam")) {
      throw Problem.IAM_REGION.in(kind, resource);
    }
    if (hasRegion && parts[2].equals("s3")) {
      throw Problem.S3_REGION.in(kind, resource);
    }
  }

  /** The six-part ARN IAM quotes when it rejects a partition, with {@code *} for missing parts. */
  private static String asArn(String[] parts) {
    List<String> rest = parts.length > 2 ? List.of(parts).subList(2, parts.length) : List.of("");
    String service = rest.size() == 1 && rest.get(0).isEmpty() ? "*" : rest.get(0);
    String region = rest.size() > 1 ? rest.get(1) : "*";
    String account = rest.size() > 2 ? rest.get(2) : "*";
    String path = rest.size() > 3 ? String.join(":", rest.subList(3, rest.size())) : "*";
    return String.join(":", "arn", parts[1], service, region, account, path);
  }
}
