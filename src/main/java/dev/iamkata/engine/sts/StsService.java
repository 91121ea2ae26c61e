package dev.iamkata.engine.sts;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.auth.Sealer;
import dev.iamkata.engine.auth.SessionClaims;
import dev.iamkata.engine.auth.SessionTokens;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.iam.MfaCodes;
import dev.iamkata.engine.iam.PolicyValidator;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.protocol.query.QueryProtocol;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageRequest;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * AWS STS: who am I, role sessions ({@link AssumeRole}), session tokens for users, federated users
 * ({@link FederationToken}), and decoding of encoded authorization failure messages.
 */
public final class StsService {
  public static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";
  public static final String VERSION = "2011-06-15";

  private final SessionTokens tokens;
  private final Sealer sealer;
  private final AssumeRole assumeRole;
  private final FederationToken federationToken;
  private final MfaCodes mfa;

  public StsService(
      EngineState state, Authorizer authorizer, PolicyValidator validator, Sealer sealer) {
    this.sealer = sealer;
    this.tokens = new SessionTokens(sealer);
    this.mfa = new MfaCodes(state);
    this.assumeRole = new AssumeRole(state, authorizer, validator, tokens, mfa);
    this.federationToken = new FederationToken(validator, tokens);
  }

  /** The routing table, as a {@link Service} of the query protocol. */
  public Service service(QueryProtocol protocol) {
    List<Operation<?, ?>> rows =
        List.of(
            new Operation<>(
                "GetCallerIdentity",
                null,
                GetCallerIdentityRequest::builder,
                (c, r) -> "*",
                this::getCallerIdentity),
            new Operation<>(
                "AssumeRole",
                null,
                software.amazon.awssdk.services.sts.model.AssumeRoleRequest::builder,
                (c, r) -> r.roleArn(),
                assumeRole::assumeRole),
            new Operation<>(
                "GetSessionToken",
                null,
                GetSessionTokenRequest::builder,
                (c, r) -> "*",
                this::getSessionToken),
            new Operation<>(
                "GetFederationToken",
                "sts:GetFederationToken",
                GetFederationTokenRequest::builder,
                (c, r) -> FederationToken.federatedUserArn(c, r.name()),
                federationToken::getFederationToken),
            new Operation<>(
                "DecodeAuthorizationMessage",
                "sts:DecodeAuthorizationMessage",
                DecodeAuthorizationMessageRequest::builder,
                (c, r) -> "*",
                this::decodeAuthorizationMessage));
    return Service.of("sts", protocol, XMLNS, VERSION, null, rows);
  }

  /** The session tokens this service seals, for the authenticator to open. */
  public SessionTokens tokens() {
    return tokens;
  }

  private GetCallerIdentityResponse getCallerIdentity(Caller caller, GetCallerIdentityRequest r) {
    return GetCallerIdentityResponse.builder()
        .userId(caller.userId())
        .account(caller.account())
        .arn(caller.arn())
        .build();
  }

  private GetSessionTokenResponse getSessionToken(Caller caller, GetSessionTokenRequest r) {
    if (caller.session() != null) {
      throw new AwsException(
          AwsError.ACCESS_DENIED, "Cannot call GetSessionToken with session credentials");
    }
    boolean root = caller.type() == Caller.Type.ROOT;
    // root sessions are capped at one hour, user sessions at 36 hours (default 12)
    int max = root ? 3600 : 129600;
    new dev.iamkata.engine.api.Validation()
        .range("durationSeconds", r.durationSeconds(), 900, 129600)
        .length("serialNumber", r.serialNumber(), 9, 256)
        .pattern("serialNumber", r.serialNumber(), AssumeRole.SERIAL)
        .length("tokenCode", r.tokenCode(), 6, 6)
        .pattern("tokenCode", r.tokenCode(), AssumeRole.TOKEN_CODE)
        .check();
    var mfaTime = AssumeRole.mfaTime(mfa, caller, r.serialNumber(), r.tokenCode());
    int seconds =
        Math.min(r.durationSeconds() == null ? (root ? 3600 : 43200) : r.durationSeconds(), max);
    var now = caller.time().truncatedTo(ChronoUnit.SECONDS);
    var claims =
        new SessionClaims(
            Ids.sessionKeyId(),
            Ids.secret(),
            caller.account(),
            root ? SessionClaims.Kind.ROOT : SessionClaims.Kind.USER,
            root ? null : caller.name(),
            root ? caller.account() : caller.userId(),
            null,
            now,
            now.plus(Duration.ofSeconds(seconds)),
            List.of(),
            List.of(),
            null,
            null,
            false,
            List.of(),
            mfaTime);
    return GetSessionTokenResponse.builder()
        .credentials(AssumeRole.credentials(tokens, claims))
        .build();
  }

  private DecodeAuthorizationMessageResponse decodeAuthorizationMessage(
      Caller caller, DecodeAuthorizationMessageRequest r) {
    byte[] plain =
        sealer
            .open(r.encodedMessage() == null ? "" : r.encodedMessage())
            .orElseThrow(
                () ->
                    new AwsException(
                        AwsError.INVALID_AUTHORIZATION_MESSAGE, "Message is not valid"));
    return DecodeAuthorizationMessageResponse.builder()
        .decodedMessage(new String(plain, StandardCharsets.UTF_8))
        .build();
  }
}
