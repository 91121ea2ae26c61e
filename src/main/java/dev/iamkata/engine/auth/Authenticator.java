package dev.iamkata.engine.auth;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.sigv4.ChunkSignatures;
import dev.iamkata.engine.auth.sigv4.SigV4Auth;
import dev.iamkata.engine.auth.sigv4.SigV4Exception;
import dev.iamkata.engine.auth.sigv4.SigV4Parser;
import dev.iamkata.engine.auth.sigv4.SigV4Verifier;
import dev.iamkata.engine.auth.sigv4.SignedRequest;
import dev.iamkata.engine.auth.sigv4.Verification;
import dev.iamkata.engine.clock.VirtualClock;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.state.AccessKey;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.User;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a signed request into a {@link Caller}: parses the SigV4 signature, checks time and scope,
 * finds the secret (a long-term key in the state, or the claims sealed in a session token),
 * verifies the signature and checks the session's expiry on the virtual clock, as the caller's
 * tenant sees it ({@link EngineState#tenantTime}). Every failure is the error AWS returns for it.
 */
public final class Authenticator {
  private static final System.Logger LOG = System.getLogger(Authenticator.class.getName());
  private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final String INVALID_TOKEN =
      "The security token included in the request is invalid";
  private static final String EXPIRED_TOKEN =
      "The security token included in the request is expired";

  private final EngineState state;
  private final VirtualClock clock;
  private final SessionTokens tokens;
  private final SigningKeyCache signingKeys = new SigningKeyCache();

  public Authenticator(EngineState state, VirtualClock clock, SessionTokens tokens) {
    this.state = state;
    this.clock = clock;
    this.tokens = tokens;
  }

  /**
   * Authenticates {@code request} for the service {@code signingName}.
   *
   * @param globalRegion the only region allowed in the scope (IAM's {@code us-east-1}), or null for
   *     a regional service
   */
  public Caller authenticate(HttpRequest request, String signingName, String globalRegion) {
    return authenticate(request, signingName, globalRegion, false);
  }

  /**
   * As {@link #authenticate(HttpRequest, String, String)}; with {@code s3} the request is checked
   * by S3's rules (canonical URI, presigned expiry) and failures carry S3's codes and messages.
   */
  public Caller authenticate(
      HttpRequest request, String signingName, String globalRegion, boolean s3) {
    try {
      return verified(request, signingName, globalRegion, s3);
    } catch (AwsException e) {
      throw s3 ? S3AuthErrors.translate(e, request) : e;
    }
  }

  private Caller verified(
      HttpRequest request, String signingName, String globalRegion, boolean s3) {
    String payloadHash = request.header("x-amz-content-sha256");
    if (payloadHash == null && s3 && presigned(request)) {
      // S3's presigned URLs sign no payload
      payloadHash = "UNSIGNED-PAYLOAD";
    }
    SignedRequest signed =
        new SignedRequest(
            request.method(),
            request.rawPath(),
            request.rawQuery(),
            request.headers(),
            payloadHash != null ? payloadHash : SignedRequest.sha256Hex(request.body()));
    try {
      SigV4Auth auth = SigV4Parser.parse(signed);
      // clients sign with their real clocks, so skew is judged against real time
      SigV4Verifier.checkTime(auth, clock.baseInstant(), s3).ifPresent(Authenticator::fail);
      SigV4Verifier.checkScope(
              auth,
              signingName,
              region ->
                  globalRegion == null
                      ? REGION.matcher(region).matches()
                      : globalRegion.equals(region))
          .ifPresent(Authenticator::fail);
      Credential credential = credential(auth);
      byte[] key =
          signingKeys.get(credential.secret(), auth.scopeDate(), auth.region(), auth.service());
      Verification verification = SigV4Verifier.verify(signed, auth, key, s3);
      if (!verification.matches()) {
        LOG.log(
            System.Logger.Level.DEBUG,
            () ->
                "signature mismatch for "
                    + auth.accessKeyId()
                    + "\ncanonical request:\n"
                    + verification.canonicalRequest()
                    + "\nstring to sign:\n"
                    + verification.stringToSign());
        verification.failure().ifPresent(Authenticator::fail);
      }
      if (s3) {
        checkPayload(request, payloadHash, auth, key);
      }
      SessionClaims session = credential.session();
      if (session != null && !now(credential.account()).isBefore(session.expiration())) {
        throw new AwsException(AwsError.EXPIRED_TOKEN, EXPIRED_TOKEN);
      }
      return caller(credential, auth.accessKeyId(), auth.region(), request.remoteAddress());
    } catch (SigV4Exception e) {
      throw fail(e);
    }
  }

  private static boolean presigned(HttpRequest request) {
    String query = request.rawQuery();
    return query != null && query.contains("X-Amz-Signature=");
  }

  /**
   * S3 checks the payload against {@code x-amz-content-sha256}: a hex hash must be the body's, and
   * signed aws-chunked bodies must carry a valid signature chain.
   */
  private static void checkPayload(
      HttpRequest request, String payloadHash, SigV4Auth auth, byte[] key) {
    if (payloadHash == null || auth.presigned()) {
      return;
    }
    if (ChunkSignatures.signedChunks(payloadHash)) {
      ChunkSignatures.verify(request.body(), auth, key).ifPresent(Authenticator::fail);
    } else if (HEX_HASH.matcher(payloadHash).matches()
        && !payloadHash.equals(SignedRequest.sha256Hex(request.body()))) {
      throw new AwsException(
          AwsError.X_AMZ_CONTENT_SHA256_MISMATCH,
          "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
  }

  /**
   * Throws the AWS error for {@code e}; declared to return one so callers can write {@code throw
   * fail(e)}.
   */
  private static AwsException fail(SigV4Exception e) {
    throw new AwsException(
        AwsError.byCode(e.code()).orElse(AwsError.INCOMPLETE_SIGNATURE), e.getMessage());
  }

  /** Where the secret comes from: a user's or root's long-term key, or a session token. */
  private record Credential(
      String secret, String account, String userName, SessionClaims session) {}

  private Credential credential(SigV4Auth auth) {
    Optional<String> token = auth.securityToken();
    if (token.isPresent() || auth.accessKeyId().startsWith("ASIA")) {
      SessionClaims claims =
          token
              .flatMap(tokens::open)
              .filter(c -> c.accessKeyId().equals(auth.accessKeyId()))
              .orElseThrow(() -> new AwsException(AwsError.INVALID_CLIENT_TOKEN_ID, INVALID_TOKEN));
      return new Credential(
          claims.secretAccessKey(), claims.account(), claims.principalName(), claims);
    }
    return state.read(
        () -> {
          AccessKey key =
              state
                  .accessKey(auth.accessKeyId())
                  .filter(k -> k.active)
                  .orElseThrow(
                      () -> new AwsException(AwsError.INVALID_CLIENT_TOKEN_ID, INVALID_TOKEN));
          return new Credential(key.secret, key.account, key.userName, null);
        });
  }

  /**
   * The caller behind requests an AWS service makes with role credentials it obtained itself
   * (Lambda running a function): the same principal a request signed with those credentials
   * authenticates as.
   *
   * @param claims a session opened for the service, e.g. by {@code ServiceSessions}
   */
  public Caller sessionCaller(SessionClaims claims, String region, String sourceIp) {
    if (!now(claims.account()).isBefore(claims.expiration())) {
      throw new AwsException(AwsError.EXPIRED_TOKEN, EXPIRED_TOKEN);
    }
    Credential credential =
        new Credential(claims.secretAccessKey(), claims.account(), claims.principalName(), claims);
    return caller(credential, claims.accessKeyId(), region, sourceIp);
  }

  private Caller caller(Credential credential, String accessKeyId, String region, String sourceIp) {
    SessionClaims session = credential.session();
    String account = credential.account();
    if (session != null && session.kind() == SessionClaims.Kind.ROLE) {
      String arn =
          "arn:aws:sts::"
              + account
              + ":assumed-role/"
              + session.principalName()
              + "/"
              + session.sessionName();
      String userId = session.principalId() + ":" + session.sessionName();
      return caller(
          Caller.Type.ASSUMED_ROLE,
          arn,
          userId,
          session.principalName(),
          credential,
          accessKeyId,
          region,
          sourceIp);
    }
    if (session != null && session.kind() == SessionClaims.Kind.FEDERATED) {
      return caller(
          Caller.Type.FEDERATED_USER,
          "arn:aws:sts::" + account + ":federated-user/" + session.sessionName(),
          account + ":" + session.sessionName(),
          session.principalName(),
          credential,
          accessKeyId,
          region,
          sourceIp);
    }
    if (credential.userName() == null) {
      return caller(
          Caller.Type.ROOT,
          "arn:aws:iam::" + account + ":root",
          account,
          null,
          credential,
          accessKeyId,
          region,
          sourceIp);
    }
    User user =
        state.read(
            () ->
                state
                    .account(account)
                    .map(a -> a.users.get(Account.key(credential.userName())))
                    .orElseThrow(
                        () -> new AwsException(AwsError.INVALID_CLIENT_TOKEN_ID, INVALID_TOKEN)));
    return caller(
        Caller.Type.USER, user.arn, user.id, user.name, credential, accessKeyId, region, sourceIp);
  }

  private Caller caller(
      Caller.Type type,
      String arn,
      String userId,
      String name,
      Credential credential,
      String accessKeyId,
      String region,
      String sourceIp) {
    return new Caller(
        type,
        credential.account(),
        arn,
        userId,
        name,
        accessKeyId,
        credential.session(),
        region,
        sourceIp,
        now(credential.account()));
  }

  /** The virtual time in {@code account}'s tenant: each tenant's clock has its own offset. */
  private Instant now(String account) {
    return state.tenantTime(account, clock.instant());
  }
}
