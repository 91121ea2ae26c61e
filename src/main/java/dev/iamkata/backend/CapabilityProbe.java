package dev.iamkata.backend;

import dev.iamkata.engine.AccessKeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Finds out what a backend enforces by trying it, as its admin, with the AWS SDK: a user with no
 * policies calls {@code iam:ListUsers} (identity policies); the admin assumes a role that trusts
 * only {@code ec2.amazonaws.com} (trust policies); the admin assumes a role that trusts it with
 * {@code DurationSeconds=900} and the {@code Expiration} must be now + 15 minutes; a wrong secret
 * must be refused (signatures); a snapshot is taken; an unknown instance's metadata must be the
 * metadata service's 404 page (instance metadata); the clock is moved 16 minutes and the session
 * must then get {@code ExpiredToken} (clock control, token expiry); one cheap read per service.
 * Everything it creates is deleted afterwards.
 *
 * <p>On a backend with a clock it moves that clock forward 16 minutes for good (an engine's clock
 * never goes back; the embedded backend's reset rewinds it).
 */
public final class CapabilityProbe {
  /** What the services are probed with, in the order they are reported. */
  static final List<String> SERVICES =
      List.of("iam", "sts", "s3", "dynamodb", "ec2", "lambda", "cloudtrail");

  private static final Duration SESSION = Duration.ofMinutes(15);
  private static final Duration TOLERANCE = Duration.ofSeconds(60);
  private static final Duration PAST_EXPIRY = Duration.ofMinutes(16);

  private final Clock clock;
  private final boolean waitForExpiry;

  /** A probe that never waits in real time. */
  public CapabilityProbe(Clock clock) {
    this(clock, false);
  }

  /**
   * @param waitForExpiry on a backend without clock control, wait the real 15 minutes until the
   *     probe's session has expired and try it, instead of reporting expiry as not shown
   */
  public CapabilityProbe(Clock clock, boolean waitForExpiry) {
    this.clock = clock;
    this.waitForExpiry = waitForExpiry;
  }

  /**
   * What the probe found.
   *
   * @param capabilities what the backend has, with a reason for each missing capability
   * @param evidence what was observed for every capability, present or missing
   * @param serviceEvidence per probed service, what its cheap read answered
   * @param leftovers what the probe created and could not delete
   */
  public record Result(
      Capabilities capabilities,
      Map<Capability, String> evidence,
      Map<String, String> serviceEvidence,
      List<String> leftovers) {
    public Result {
      evidence = Map.copyOf(evidence);
      serviceEvidence = Map.copyOf(serviceEvidence);
      leftovers = List.copyOf(leftovers);
    }
  }

  private static String randomSuffix() {
    byte[] bytes = new byte[4];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Runs the experiment; never throws for what the backend answers, only records it. */
  public Result run(Backend backend) {
    Run run = new Run(backend);
    try (AwsClients clients = AwsClients.of(backend)) {
      run.clients = clients;
      try {
        run.all();
      } finally {
        run.cleanUp();
      }
    }
    EnumSet<Capability> have = EnumSet.noneOf(Capability.class);
    Map<Capability, String> reasons = new EnumMap<>(Capability.class);
    run.found.forEach(
        (capability, yes) -> {
          if (yes) {
            have.add(capability);
          } else {
            reasons.put(capability, run.evidence.get(capability));
          }
        });
    Set<String> served = new java.util.LinkedHashSet<>(run.served);
    return new Result(
        new Capabilities(have, served, reasons), run.evidence, run.serviceEvidence, run.leftovers);
  }

  /** One probe's state: what it created, what it saw. */
  private final class Run {
    private final Backend backend;
    private final AwsCredentials admin;
    private final String suffix = randomSuffix();
    private final Map<Capability, Boolean> found = new EnumMap<>(Capability.class);
    private final Map<Capability, String> evidence = new EnumMap<>(Capability.class);
    private final Map<String, String> serviceEvidence = new LinkedHashMap<>();
    private final List<String> served = new ArrayList<>();
    private final List<String> leftovers = new ArrayList<>();
    private final List<String> users = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();
    private AwsClients clients;
    private AwsSessionCredentials session;
    private Instant expiration;

    Run(Backend backend) {
      this.backend = backend;
      AccessKeyPair key = backend.adminKey(backend.accountId());
      this.admin = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    private void record(Capability capability, boolean yes, String why) {
      found.put(capability, yes);
      evidence.put(capability, why);
    }

    void all() {
      identityPolicies();
      trustPolicies();
      assumeWithDuration();
      signatures();
      simulator();
      snapshots();
      instanceMetadata();
      clockAndExpiry();
      services();
    }

    private IamClient iam() {
      return clients.iam(admin);
    }

    private void identityPolicies() {
      String user = "kata-probe-user-" + suffix;
      AccessKey key;
      try {
        iam().createUser(r -> r.userName(user));
        users.add(user);
        key = iam().createAccessKey(r -> r.userName(user)).accessKey();
      } catch (SdkException e) {
        record(Capability.IDENTITY_POLICIES, false, "could not create a user: " + Outcomes.of(e));
        return;
      }
      AwsCredentials nobody = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
      String outcome = Outcomes.of(() -> clients.iam(nobody).listUsers(r -> r.maxItems(1)));
      boolean denied = Outcomes.isDenial(outcome);
      record(
          Capability.IDENTITY_POLICIES,
          denied,
          denied
              ? Outcomes.code(outcome) + " for iam:ListUsers by a user with no policies"
              : "a user with no policies calling iam:ListUsers got " + outcome);
    }

    private void trustPolicies() {
      String role = "kata-probe-untrusted-" + suffix;
      // trusted: only the probe's user (or, without one, a service), never the admin
      String trustee =
          users.isEmpty()
              ? "{\"Service\":\"ec2.amazonaws.com\"}"
              : "{\"AWS\":\"arn:aws:iam::" + backend.accountId() + ":user/" + users.get(0) + "\"}";
      String trust = trust(trustee);
      String who = users.isEmpty() ? "ec2.amazonaws.com" : "another user";
      try {
        iam().createRole(r -> r.roleName(role).assumeRolePolicyDocument(trust));
        roles.add(role);
      } catch (SdkException e) {
        record(Capability.TRUST_POLICIES, false, "could not create a role: " + Outcomes.of(e));
        return;
      }
      String arn = roleArn(role);
      String outcome =
          Outcomes.of(
              () ->
                  clients.sts(admin).assumeRole(r -> r.roleArn(arn).roleSessionName("kata-probe")));
      boolean denied = Outcomes.isDenial(outcome);
      record(
          Capability.TRUST_POLICIES,
          denied,
          denied
              ? Outcomes.code(outcome) + " for the admin's AssumeRole of a role that trusts " + who
              : "the admin's AssumeRole of a role that trusts only " + who + " got " + outcome);
    }

    private void assumeWithDuration() {
      String role = "kata-probe-trusted-" + suffix;
      try {
        String principal = adminPrincipal();
        iam()
            .createRole(
                r ->
                    r.roleName(role)
                        .assumeRolePolicyDocument(trust("{\"AWS\":\"" + principal + "\"}")));
        roles.add(role);
        Instant asked = backend.clockTime();
        Credentials c =
            clients
                .sts(admin)
                .assumeRole(
                    r ->
                        r.roleArn(roleArn(role))
                            .roleSessionName("kata-probe")
                            .durationSeconds((int) SESSION.toSeconds()))
                .credentials();
        session =
            AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
        Instant expected = asked.plus(SESSION);
        if (Duration.between(expected, c.expiration()).abs().compareTo(TOLERANCE) > 0) {
          record(
              Capability.TOKEN_EXPIRY,
              false,
              "AssumeRole with DurationSeconds=900 gave Expiration "
                  + c.expiration()
                  + ", expected about "
                  + expected);
          return;
        }
        expiration = c.expiration();
        String fresh = Outcomes.of(() -> clients.sts(session).getCallerIdentity());
        if (!fresh.equals(Outcomes.OK)) {
          record(Capability.TOKEN_EXPIRY, false, "a fresh session was refused: " + fresh);
          session = null;
        }
      } catch (SdkException | BackendException e) {
        record(
            Capability.TOKEN_EXPIRY,
            false,
            "could not assume a role that trusts the admin: " + Outcomes.of(e));
      }
    }

    private void signatures() {
      AwsCredentials wrong =
          AwsBasicCredentials.create(admin.accessKeyId(), "wrong" + admin.secretAccessKey());
      String outcome = Outcomes.of(() -> clients.sts(wrong).getCallerIdentity());
      boolean refused = Outcomes.isSignatureRefusal(outcome);
      record(
          Capability.SIGNATURES,
          refused,
          refused
              ? Outcomes.code(outcome) + " for a request signed with a wrong secret"
              : "a request signed with a wrong secret got " + outcome + ", not refused");
    }

    private void simulator() {
      try {
        String arn = clients.sts(admin).getCallerIdentity().arn();
        String decision =
            iam()
                .simulatePrincipalPolicy(r -> r.policySourceArn(arn).actionNames("iam:ListUsers"))
                .evaluationResults()
                .get(0)
                .evalDecisionAsString();
        boolean ok = "allowed".equals(decision);
        record(
            Capability.POLICY_SIMULATOR,
            ok,
            (ok ? "" : "expected allowed: ")
                + "SimulatePrincipalPolicy of the admin for iam:ListUsers said "
                + decision);
      } catch (SdkException | IndexOutOfBoundsException e) {
        record(
            Capability.POLICY_SIMULATOR,
            false,
            "SimulatePrincipalPolicy failed: " + Outcomes.of((Exception) e));
      }
    }

    private void instanceMetadata() {
      InstanceMetadataProbe.Found f = InstanceMetadataProbe.run(backend.endpoint());
      record(Capability.INSTANCE_METADATA, f.present(), f.evidence());
    }

    private void snapshots() {
      try {
        int size = backend.snapshot().length();
        record(Capability.SNAPSHOTS, true, "a snapshot of " + size + " characters was taken");
      } catch (BackendException e) {
        record(Capability.SNAPSHOTS, false, e.getMessage());
      }
    }

    private void clockAndExpiry() {
      try {
        Instant before = backend.clockTime();
        backend.advanceClock(PAST_EXPIRY);
        Duration moved = Duration.between(before, backend.clockTime());
        boolean ok = moved.compareTo(PAST_EXPIRY) >= 0;
        record(
            Capability.CLOCK_CONTROL,
            ok,
            ok
                ? "the clock moved forward 16 minutes on request"
                : "asked to move 16 minutes, the clock moved " + moved);
      } catch (BackendException e) {
        record(Capability.CLOCK_CONTROL, false, e.getMessage());
      }
      if (session == null) {
        return;
      }
      if (!found.get(Capability.CLOCK_CONTROL)) {
        if (!waitForExpiry) {
          record(
              Capability.TOKEN_EXPIRY,
              false,
              "not shown: the clock cannot be moved, and this probe did not wait the real 15"
                  + " minutes (Expiration was now + 15 minutes as asked)");
          return;
        }
        waitUntil(expiration.plusSeconds(10));
      }
      String late = Outcomes.of(() -> clients.sts(session).getCallerIdentity());
      boolean expired = Outcomes.EXPIRIES.contains(Outcomes.code(late));
      record(
          Capability.TOKEN_EXPIRY,
          expired,
          expired
              ? Outcomes.code(late) + " for a session past its Expiration"
              : "a session past its Expiration still got " + late);
    }

    private void waitUntil(Instant when) {
      try {
        long millis = Duration.between(clock.instant(), when).toMillis();
        if (millis > 0) {
          Thread.sleep(millis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void services() {
      Map<String, Runnable> reads = new LinkedHashMap<>();
      reads.put("iam", () -> clients.iam(admin).listUsers(r -> r.maxItems(1)));
      reads.put("sts", () -> clients.sts(admin).getCallerIdentity());
      reads.put("s3", () -> clients.s3(admin).listBuckets());
      reads.put("dynamodb", () -> clients.dynamodb(admin).listTables(r -> r.limit(1)));
      reads.put("ec2", () -> clients.ec2(admin).describeRegions());
      reads.put("lambda", () -> clients.lambda(admin).listFunctions(r -> r.maxItems(1)));
      reads.put("cloudtrail", () -> clients.cloudtrail(admin).lookupEvents(r -> r.maxResults(1)));
      reads.forEach(
          (service, read) -> {
            String outcome = Outcomes.of(read::run);
            serviceEvidence.put(service, outcome);
            if (outcome.equals(Outcomes.OK)) {
              served.add(service);
            }
          });
    }

    private String adminPrincipal() {
      String arn = clients.sts(admin).getCallerIdentity().arn();
      // a root or assumed-role caller is trusted through its account, as AWS allows
      return arn.contains(":user/") ? arn : "arn:aws:iam::" + backend.accountId() + ":root";
    }

    private String roleArn(String role) {
      return "arn:aws:iam::" + backend.accountId() + ":role/" + role;
    }

    private String trust(String principal) {
      return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + principal
          + ",\"Action\":\"sts:AssumeRole\"}]}";
    }

    void cleanUp() {
      if (clients == null) {
        return;
      }
      for (String user : users) {
        Outcomes.collect(() -> IamCleanup.deleteUser(iam(), user), "user " + user, leftovers);
      }
      for (String role : roles) {
        Outcomes.collect(() -> IamCleanup.deleteRole(iam(), role), "role " + role, leftovers);
      }
    }
  }
}
