package dev.iamkata.engine.ec2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.engine.auth.Sealer;
import dev.iamkata.engine.auth.SessionClaims;
import dev.iamkata.engine.clock.VirtualClock;
import dev.iamkata.engine.http.HttpRequest;
import dev.iamkata.engine.http.HttpResponse;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.InstanceProfile;
import dev.iamkata.engine.state.Role;
import dev.iamkata.engine.sts.ServiceSessions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The instance metadata service of every instance the engine runs, on the engine's own port: what
 * {@code http://169.254.169.254/latest/…} answers on that instance is served at {@code
 * /_imds/INSTANCE_ID/latest/…}, so pointing a client's metadata endpoint ({@code
 * AWS_EC2_METADATA_SERVICE_ENDPOINT}) at {@code http://127.0.0.1:PORT/_imds/i-…} gives it that
 * instance's role credentials. The role of the instance's profile must trust {@code
 * ec2.amazonaws.com}; the session is named after the instance, as on AWS. IMDSv2 tokens ({@code PUT
 * /latest/api/token}) are sealed and expire on the virtual clock; IMDSv1 requests are answered
 * unless the instance was launched with {@code HttpTokens=required}. Like the real service it asks
 * for no signature: anyone who can reach the instance can read it.
 */
public final class InstanceMetadata {
  /** The path prefix of every instance's metadata service. */
  public static final String PREFIX = "/_imds/";

  private static final Pattern PATH = Pattern.compile("/_imds/(i-[0-9a-f]+)(/.*)");
  private static final String EC2 = "ec2.amazonaws.com";
  private static final Duration CREDENTIALS_LIFETIME = Duration.ofHours(6);
  private static final int MAX_TOKEN_TTL = 21600;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Ec2Instances instances;
  private final EngineState state;
  private final ServiceSessions sessions;
  private final Sealer sealer;
  private final VirtualClock clock;

  InstanceMetadata(
      Ec2Instances instances,
      EngineState state,
      ServiceSessions sessions,
      Sealer sealer,
      VirtualClock clock) {
    this.instances = instances;
    this.state = state;
    this.sessions = sessions;
    this.sealer = sealer;
    this.clock = clock;
  }

  /** Answers a request under {@link #PREFIX}. */
  public HttpResponse handle(HttpRequest request) {
    Matcher m = PATH.matcher(request.rawPath());
    if (!m.matches()) {
      return notFound();
    }
    Optional<Ec2Instances.Running> found = instances.running(m.group(1));
    if (found.isEmpty()) {
      return notFound();
    }
    Ec2Instances.Running instance = found.get();
    String path = m.group(2);
    if (path.equals("/latest/api/token")) {
      return request.method().equals("PUT") ? token(request, instance) : status(405);
    }
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return status(405);
    }
    String token = request.header("x-aws-ec2-metadata-token");
    if (token != null ? !validToken(token, instance) : instance.tokensRequired()) {
      return status(401);
    }
    return get(path, instance);
  }

  private HttpResponse get(String path, Ec2Instances.Running instance) {
    String meta = "/latest/meta-data/";
    return switch (path) {
      case "/latest/meta-data/instance-id" -> text(instance.id());
      case "/latest/meta-data/instance-type" -> text(instance.type());
      case "/latest/meta-data/ami-id" -> text(instance.imageId());
      case "/latest/meta-data/local-ipv4" -> text(instance.privateIp());
      case "/latest/meta-data/placement/availability-zone" -> text(instance.zone());
      case "/latest/meta-data/placement/region" -> text(instance.region());
      case "/latest/dynamic/instance-identity/document" -> identityDocument(instance);
      case "/latest/meta-data/iam/info" -> info(instance);
      case "/latest/meta-data/iam/security-credentials/",
          "/latest/meta-data/iam/security-credentials" ->
          role(instance).map(r -> text(r.name)).orElseGet(InstanceMetadata::notFound);
      default ->
          path.startsWith(meta + "iam/security-credentials/")
              ? credentials(instance, path.substring((meta + "iam/security-credentials/").length()))
              : notFound();
    };
  }

  /** {@code PUT /latest/api/token}: a token for this instance, valid for the TTL asked. */
  private HttpResponse token(HttpRequest request, Ec2Instances.Running instance) {
    String ttlText = request.header("x-aws-ec2-metadata-token-ttl-seconds");
    int ttl;
    try {
      ttl = ttlText == null ? -1 : Integer.parseInt(ttlText.trim());
    } catch (NumberFormatException e) {
      ttl = -1;
    }
    if (ttl < 1 || ttl > MAX_TOKEN_TTL) {
      return status(400);
    }
    Instant expires = now(instance).plusSeconds(ttl);
    String token =
        sealer.seal(
            ("imds|" + instance.id() + "|" + expires.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
    return text(token).withHeader("X-aws-ec2-metadata-token-ttl-seconds", String.valueOf(ttl));
  }

  private boolean validToken(String token, Ec2Instances.Running instance) {
    Optional<byte[]> opened;
    try {
      opened = sealer.open(token.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (opened.isEmpty()) {
      return false;
    }
    String[] parts = new String(opened.get(), StandardCharsets.UTF_8).split("\\|");
    return parts.length == 3
        && parts[0].equals("imds")
        && parts[1].equals(instance.id())
        && now(instance).getEpochSecond() < Long.parseLong(parts[2]);
  }

  /** The role of the instance's profile, as the profile is now. */
  private Optional<Role> role(Ec2Instances.Running instance) {
    if (instance.profileArn() == null) {
      return Optional.empty();
    }
    return state.read(
        () ->
            state
                .account(instance.account())
                .flatMap(
                    a ->
                        a.instanceProfiles.values().stream()
                            .filter(p -> p.arn.equals(instance.profileArn()))
                            .findFirst()
                            .filter(p -> !p.roles.isEmpty())
                            .map(p -> a.roles.get(Account.key(p.roles.get(0))))));
  }

  private HttpResponse credentials(Ec2Instances.Running instance, String roleName) {
    Optional<Role> role = role(instance).filter(r -> r.name.equals(roleName));
    if (role.isEmpty()) {
      return notFound();
    }
    Instant now = now(instance).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> body = new LinkedHashMap<>();
    if (!sessions.trusts(role.get(), EC2)) {
      body.put("Code", "AssumeRoleUnauthorizedAccess");
      body.put(
          "Message",
          "EC2 cannot assume the role "
              + roleName
              + ".  Please see documentation at"
              + " http://docs.amazonwebservices.com/IAM/latest/UserGuide/RolesTroubleshooting.html.");
      body.put("LastUpdated", now.toString());
      return json(body);
    }
    SessionClaims claims =
        sessions.open(role.get(), EC2, instance.id(), instance.region(), now, CREDENTIALS_LIFETIME);
    Credentials c = sessions.credentials(claims);
    body.put("Code", "Success");
    body.put("LastUpdated", now.toString());
    body.put("Type", "AWS-HMAC");
    body.put("AccessKeyId", c.accessKeyId());
    body.put("SecretAccessKey", c.secretAccessKey());
    body.put("Token", c.sessionToken());
    body.put("Expiration", c.expiration().toString());
    return json(body);
  }

  /** The time on the instance: its account's tenant clock, which a workshop moves per learner. */
  private Instant now(Ec2Instances.Running instance) {
    return state.tenantTime(instance.account(), clock.instant());
  }

  private HttpResponse info(Ec2Instances.Running instance) {
    if (role(instance).isEmpty()) {
      return notFound();
    }
    Optional<InstanceProfile> profile =
        state.read(
            () ->
                state.account(instance.account()).stream()
                    .flatMap(a -> a.instanceProfiles.values().stream())
                    .filter(p -> p.arn.equals(instance.profileArn()))
                    .findFirst());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Code", "Success");
    body.put("LastUpdated", now(instance).truncatedTo(ChronoUnit.SECONDS).toString());
    body.put("InstanceProfileArn", instance.profileArn());
    body.put("InstanceProfileId", profile.map(p -> p.id).orElse(instance.profileId()));
    return json(body);
  }

  private static HttpResponse identityDocument(Ec2Instances.Running instance) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("accountId", instance.account());
    doc.put("architecture", "x86_64");
    doc.put("availabilityZone", instance.zone());
    doc.put("imageId", instance.imageId());
    doc.put("instanceId", instance.id());
    doc.put("instanceType", instance.type());
    doc.put("pendingTime", instance.launched().toString());
    doc.put("privateIp", instance.privateIp());
    doc.put("region", instance.region());
    doc.put("version", "2017-09-30");
    return json(doc);
  }

  private static HttpResponse text(String body) {
    return HttpResponse.of(200, "text/plain", body);
  }

  private static HttpResponse json(Map<String, Object> body) {
    try {
      return HttpResponse.of(200, "text/plain", JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse notFound() {
    return status(404);
  }

  /** The metadata service's bare error pages: an HTML title with the status. */
  private static HttpResponse status(int code) {
    String reason =
        switch (code) {
          case 400 -> "Bad Request";
          case 401 -> "Unauthorized";
          case 405 -> "Method Not Allowed";
          default -> "Not Found";
        };
    return HttpResponse.of(
        code,
        "text/html",
        "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n"
            + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
            + "\t\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n"
            + " <head>\n  <title>"
            + code
            + " - "
            + reason
            + "</title>\n </head>\n <body>\n  <h1>"
            + code
            + " - "
            + reason
            + "</h1>\n </body>\n</html>\n");
  }
}
