package dev.iamkata.engine.sts;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.api.Validation;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.auth.SessionClaims;
import dev.iamkata.engine.auth.SessionTokens;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.iam.MfaCodes;
import dev.iamkata.engine.iam.PolicyValidator;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.Ids;
import dev.iamkata.engine.state.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * STS AssumeRole: validation with the model's constraints, the caller's identity policy and the
 * role's trust policy both consulted, STS's duration rules (the role's MaxSessionDuration, one hour
 * for role chaining), session policies, tags (with the chain's transitive ones, see {@link
 * TransitiveTags}) and the MFA time carried in the sealed token.
 */
final class AssumeRole {
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws:iam::(\\d{12}):role((?:/[\\x21-\\x7E]*)?/)([\\w+=,.@-]+)");
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
  private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:\\/-]*");
  static final Pattern SERIAL = Pattern.compile("[\\w+=/:,.@-]*");
  static final Pattern TOKEN_CODE = Pattern.compile("[\\d]*");
  private static final int DEFAULT_SECONDS = 3600;
  private static final int CHAINED_MAX_SECONDS = 3600;

  private final EngineState state;
  private final Authorizer authorizer;
  private final PolicyValidator validator;
  private final SessionTokens tokens;
  private final MfaCodes mfa;

  AssumeRole(
      EngineState state,
      Authorizer authorizer,
      PolicyValidator validator,
      SessionTokens tokens,
      MfaCodes mfa) {
    this.state = state;
    this.authorizer = authorizer;
    this.validator = validator;
    this.tokens = tokens;
    this.mfa = mfa;
  }

  AssumeRoleResponse assumeRole(Caller caller, AssumeRoleRequest r) {
    validate(r);
    TransitiveTags chain = TransitiveTags.of(caller, r);
    Instant mfaTime = mfaTime(mfa, caller, r.serialNumber(), r.tokenCode());
    Optional<Role> role = findRole(r.roleArn());
    Map<String, List<String>> keys = TransitiveTags.withContext(r, context(r));
    if (r.serialNumber() != null || r.tokenCode() != null) {
      // the code this request proved counts, whatever the caller's keys say of MFA
      keys.put("aws:MultiFactorAuthPresent", List.of("true"));
      keys.put("aws:MultiFactorAuthAge", List.of("0"));
    }
    authorizer.authorizeAssumeRole(caller, r.roleArn(), role, keys, chain.actions(extraActions(r)));
    Role target = role.orElseThrow();
    boolean chained = caller.type() == Caller.Type.ASSUMED_ROLE;
    int seconds = duration(r.durationSeconds(), target.maxSessionDuration, chained);
    List<String> policies = r.policy() == null ? List.of() : List.of(r.policy());
    policies.forEach(p -> validator.validate(p, false));
    List<String> policyArns = r.policyArns().stream().map(PolicyDescriptorType::arn).toList();
    Map<String, String> tags = chain.tags();

    Instant now = caller.time().truncatedTo(ChronoUnit.SECONDS);
    SessionClaims claims =
        new SessionClaims(
            Ids.sessionKeyId(),
            Ids.secret(),
            accountOf(r.roleArn()),
            SessionClaims.Kind.ROLE,
            target.name,
            target.id,
            r.roleSessionName(),
            now,
            now.plus(Duration.ofSeconds(seconds)),
            policies,
            policyArns,
            r.sourceIdentity(),
            tags,
            chained,
            chain.transitiveKeys(),
            mfaTime);
    AssumeRoleResponse.Builder out =
        AssumeRoleResponse.builder()
            .credentials(credentials(tokens, claims))
            .assumedRoleUser(
                AssumedRoleUser.builder()
                    .assumedRoleId(target.id + ":" + r.roleSessionName())
                    .arn(sessionArn(claims))
                    .build())
            .sourceIdentity(r.sourceIdentity());
    if (claims.hasSessionPolicies() || !tags.isEmpty()) {
      out.packedPolicySize(packedPercent(policies, policyArns, tags));
    }
    return out.build();
  }

  /**
   * When MFA vouches for the new session: now, if the request carries a serial number or token code
   * (checked, and failing as STS does); else the caller's own session's MFA time, if any.
   */
  static Instant mfaTime(MfaCodes mfa, Caller caller, String serialNumber, String tokenCode) {
    if (serialNumber != null || tokenCode != null) {
      mfa.verify(caller, serialNumber, tokenCode);
      return caller.time().truncatedTo(ChronoUnit.SECONDS);
    }
    return caller.session() == null ? null : caller.session().mfaAuthenticated();
  }

  /** The ARN of a role session: the role's path is not part of it. */
  static String sessionArn(SessionClaims claims) {
    return "arn:aws:sts::"
        + claims.account()
        + ":assumed-role/"
        + claims.principalName()
        + "/"
        + claims.sessionName();
  }

  static Credentials credentials(SessionTokens tokens, SessionClaims claims) {
    return Credentials.builder()
        .accessKeyId(claims.accessKeyId())
        .secretAccessKey(claims.secretAccessKey())
        .sessionToken(tokens.seal(claims))
        .expiration(claims.expiration())
        .build();
  }

  private static void validate(AssumeRoleRequest r) {
    new Validation()
        .required("roleArn", r.roleArn())
        .required("roleSessionName", r.roleSessionName())
        .length("roleArn", r.roleArn(), 20, 2048)
        .length("roleSessionName", r.roleSessionName(), 2, 64)
        .pattern("roleSessionName", r.roleSessionName(), SESSION_NAME)
        .range("durationSeconds", r.durationSeconds(), 900, 43200)
        .length("externalId", r.externalId(), 2, 1224)
        .pattern("externalId", r.externalId(), EXTERNAL_ID)
        .length("policy", r.policy(), 1, 2048)
        .length("sourceIdentity", r.sourceIdentity(), 2, 64)
        .pattern("sourceIdentity", r.sourceIdentity(), SESSION_NAME)
        .length("serialNumber", r.serialNumber(), 9, 256)
        .pattern("serialNumber", r.serialNumber(), SERIAL)
        .length("tokenCode", r.tokenCode(), 6, 6)
        .pattern("tokenCode", r.tokenCode(), TOKEN_CODE)
        .check();
    if (r.policyArns().size() > 10) {
      throw new AwsException(
          AwsError.VALIDATION_ERROR,
          "1 validation error detected: Value at 'policyArns' failed to satisfy constraint:"
              + " Member must have length less than or equal to 10");
    }
    if (r.tags().size() > 50) {
      throw new AwsException(
          AwsError.VALIDATION_ERROR,
          "1 validation error detected: Value at 'tags' failed to satisfy constraint:"
              + " Member must have length less than or equal to 50");
    }
  }

  private static int duration(Integer requested, int roleMax, boolean chained) {
    int seconds = requested == null ? DEFAULT_SECONDS : requested;
    if (chained && seconds > CHAINED_MAX_SECONDS) {
      throw new AwsException(
          AwsError.VALIDATION_ERROR,
          "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by"
              + " role chaining.");
    }
    if (seconds > roleMax) {
      throw new AwsException(
          AwsError.VALIDATION_ERROR,
          "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
    return seconds;
  }

  private Optional<Role> findRole(String arn) {
    Matcher m = ROLE_ARN.matcher(arn);
    if (!m.matches()) {
      return Optional.empty();
    }
    return state.read(
        () ->
            state
                .account(m.group(1))
                .map(a -> a.roles.get(Account.key(m.group(3))))
                .filter(role -> role.path.equals(m.group(2)) && role.arn.equals(arn)));
  }

  private static String accountOf(String roleArn) {
    Matcher m = ROLE_ARN.matcher(roleArn);
    return m.matches() ? m.group(1) : "";
  }

  /** Condition keys the trust policy may test. */
  private static Map<String, List<String>> context(AssumeRoleRequest r) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("sts:RoleSessionName", List.of(r.roleSessionName()));
    if (r.externalId() != null) {
      keys.put("sts:ExternalId", List.of(r.externalId()));
    }
    if (r.sourceIdentity() != null) {
      keys.put("sts:SourceIdentity", List.of(r.sourceIdentity()));
    }
    if (!r.tags().isEmpty()) {
      List<String> tagKeys = new ArrayList<>();
      for (Tag t : r.tags()) {
        keys.put("aws:RequestTag/" + t.key(), List.of(t.value()));
        tagKeys.add(t.key());
      }
      keys.put("aws:TagKeys", tagKeys);
    }
    return keys;
  }

  /** Passing tags or a source identity needs those actions allowed as well as AssumeRole. */
  private static List<String> extraActions(AssumeRoleRequest r) {
    List<String> actions = new ArrayList<>();
    if (!r.tags().isEmpty()) {
      actions.add("sts:TagSession");
    }
    if (r.sourceIdentity() != null) {
      actions.add("sts:SetSourceIdentity");
    }
    return actions;
  }

  /** STS reports how much of the packed session-policy space is used, as a percentage. */
  static int packedPercent(
      List<String> policies, List<String> policyArns, Map<String, String> tags) {
    int size = 0;
    for (String p : policies) {
      size += p.replaceAll("\\s+", "").length();
    }
    for (String arn : policyArns) {
      size += arn.length();
    }
    for (Map.Entry<String, String> t : tags.entrySet()) {
      size += t.getKey().length() + t.getValue().length();
    }
    return Math.max(1, size * 100 / 2048);
  }
}
