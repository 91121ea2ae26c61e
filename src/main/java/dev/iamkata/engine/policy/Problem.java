package dev.iamkata.engine.policy;

/**
 * Every mistake the parser reports, with the {@code MalformedPolicyDocument} text AWS returns for
 * it. IAM checks identity policies with its older grammar and trust and resource policies with a
 * newer one, and the two word some mistakes differently: hence a column for each.
 */
enum Problem {
  INVALID_JSON("Syntax errors in policy.", "This policy contains invalid Json"),
  SYNTAX("Syntax errors in policy."),
  INVALID_VERSION("Syntax errors in policy.", "The policy must contain a valid version string"),
  MISSING_STATEMENT("Syntax errors in policy.", "Missing required field Statement"),
  EMPTY_STATEMENT("Syntax errors in policy.", "Could not parse the policy: Statement is empty!"),
  MISSING_EFFECT("Syntax errors in policy.", "Missing required field Effect"),
  INVALID_EFFECT("Syntax errors in policy.", "Invalid effect: %s"),
  // The old grammar accepts "allow" as an effect, then its legacy parser rejects the case.
  MISCASED_EFFECT("The policy failed legacy parsing", "Invalid effect: %s"),
  LEGACY_PARSING("The policy failed legacy parsing"),
  DUPLICATE_SID(
      "Statement IDs (SID) in a single policy must be unique.",
      "The Statement Ids in the policy are not unique"),
  MISSING_ACTIONS("Policy statement must contain actions.", "Missing required field Action"),
  MISSING_RESOURCES("Policy statement must contain resources.", "Missing required field Resource"),
  PRINCIPAL_FORBIDDEN("Policy document should not specify a principal."),
  MISSING_PRINCIPAL("Missing required field Principal"),
  EMPTY_PRINCIPAL("Missing required field Principal cannot be empty!"),
  INVALID_PRINCIPAL("Invalid principal in policy: \"%s\":\"%s\""),
  ALLOW_WITH_NOT_PRINCIPAL("Allow with NotPrincipal is not allowed."),
  TRUST_NOT_PRINCIPAL("AssumeRole policy must not contain NotPrincipal field."),
  TRUST_ACTIONS("AssumeRole policy may only specify STS AssumeRole actions."),
  TRUST_RESOURCE("Has prohibited field Resource"),
  TRUST_NOT_RESOURCE("AssumeRole policy must not contain resources."),
  MISSING_VENDOR("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
  EXTRA_COLON("Actions/Condition can contain only one colon."),
  VENDOR_WILDCARD("Action vendors (e.g., aws, ec2, etc.) must not contain wildcards"),
  INVALID_VENDOR("Vendor %s is not valid"),
  RESOURCE_NOT_ARN("Resource %s must be in ARN format or \"*\"."),
  INVALID_PARTITION("Partition \"%s\" is not valid for resource \"%s\"."),
  RESOURCE_VENDOR("Resource vendor must be fully qualified and cannot contain regexes."),
  IAM_REGION("IAM resource %s cannot contain region information."),
  S3_REGION("Resource %s can not contain region information.");

  private final String legacyGrammar;
  private final String newGrammar;

  Problem(String both) {
    this(both, both);
  }

  Problem(String legacyGrammar, String newGrammar) {
    this.legacyGrammar = legacyGrammar;
    this.newGrammar = newGrammar;
  }

  String text(PolicyKind kind, Object... arguments) {
    String template = kind == PolicyKind.IDENTITY ? legacyGrammar : newGrammar;
    return String.format(template, arguments);
  }

  MalformedPolicyException in(PolicyKind kind, Object... arguments) {
    return new MalformedPolicyException(text(kind, arguments));
  }
}
