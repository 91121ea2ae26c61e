package dev.iamkata.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.AccessKeyPair;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The external backend against moto's server, as moto is usually run (no auth) and with its request
 * authentication switched on ({@code INITIAL_NO_AUTH_ACTION_COUNT}). The capability tables asserted
 * here are the ones docs/backends.md reports.
 */
class MotoExternalBackendIT {
  private static final AccessKeyPair ANY = new AccessKeyPair("test", "test");
  private static final String ALLOW_ALL =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
          + "\"Resource\":\"*\"}]}";

  /** moto as it is usually run, without request authentication; shared by the tests here. */
  private static MotoServer plain;

  @BeforeAll
  static void needsMoto() {
    Assumptions.assumeTrue(
        MotoServer.executable().isPresent(),
        "moto_server is not on PATH (pip install 'moto[server]'): external backend tests skipped");
    plain = MotoServer.start(Map.of());
  }

  @AfterAll
  static void stopMoto() {
    if (plain != null) {
      plain.close();
    }
  }

  @Test
  void motoWithoutAuthEnforcesNothingAndServesAllButCloudTrailLookups() throws Exception {
    MotoServer moto = plain;
    try (ExternalBackend backend =
        ExternalBackend.attach(
            "external", URI.create(moto.endpoint()), ANY, "us-east-1", Clock.systemUTC())) {
      assertFalse(backend.isEngine());
      assertEquals("123456789012", backend.accountId());
      CapabilityProbe.Result result = new CapabilityProbe(Clock.systemUTC()).run(backend);
      System.out.println(ProbeTable.render(backend, result));
      Capabilities c = result.capabilities();
      assertEquals(Set.of(), c.supported(), result.evidence().toString());
      assertEquals(
          "a user with no policies calling iam:ListUsers got ok",
          c.reasons().get(Capability.IDENTITY_POLICIES));
      assertEquals(
          "the admin's AssumeRole of a role that trusts only another user got ok",
          c.reasons().get(Capability.TRUST_POLICIES));
      assertEquals(
          "a request signed with a wrong secret got ok, not refused",
          c.reasons().get(Capability.SIGNATURES));
      assertTrue(
          c.reasons().get(Capability.TOKEN_EXPIRY).startsWith("not shown: the clock cannot be"),
          c.reasons().get(Capability.TOKEN_EXPIRY));
      assertTrue(c.reasons().get(Capability.CLOCK_CONTROL).contains("cannot move its clock"));
      assertTrue(c.reasons().get(Capability.SNAPSHOTS).contains("cannot take snapshots"));
      assertEquals(
          "SimulatePrincipalPolicy failed: HTTP 500", c.reasons().get(Capability.POLICY_SIMULATOR));
      // moto takes /_imds/… for an S3 bucket and answers NoSuchBucket
      assertEquals(
          "expected the metadata service's 404 page: GET"
              + " /_imds/i-00000000000000000/latest/meta-data/ answered HTTP 404",
          c.reasons().get(Capability.INSTANCE_METADATA));
      assertEquals(Set.of("iam", "sts", "s3", "dynamodb", "ec2", "lambda"), c.services());
      assertTrue(
          result.serviceEvidence().get("cloudtrail").startsWith("HTTP 500"),
          result.serviceEvidence().get("cloudtrail"));
      assertEquals(java.util.List.of(), result.leftovers());
    }
  }

  @Test
  void motoWithAuthEnforcesIdentityTrustAndSignaturesButNotExpiry() throws Exception {
    try (MotoServer moto = MotoServer.start(Map.of("INITIAL_NO_AUTH_ACTION_COUNT", "3"))) {
      AccessKeyPair admin = bootstrapAdmin(moto.endpoint());
      try (ExternalBackend backend =
          ExternalBackend.attach(
              "external", URI.create(moto.endpoint()), admin, "us-east-1", Clock.systemUTC())) {
        CapabilityProbe.Result result = new CapabilityProbe(Clock.systemUTC()).run(backend);
        System.out.println(ProbeTable.render(backend, result));
        Capabilities c = result.capabilities();
        assertEquals(
            EnumSet.of(
                Capability.IDENTITY_POLICIES, Capability.TRUST_POLICIES, Capability.SIGNATURES),
            c.supported().isEmpty()
                ? EnumSet.noneOf(Capability.class)
                : EnumSet.copyOf(c.supported()),
            result.evidence().toString());
        assertEquals(Set.of("iam", "sts", "s3", "dynamodb", "ec2", "lambda"), c.services());
        assertEquals(java.util.List.of(), result.leftovers());
      }
    }
  }

  /** The first three requests are not authenticated: an admin user, its policy, its key. */
  private static AccessKeyPair bootstrapAdmin(String endpoint) {
    try (AwsClients clients = new AwsClients(endpoint, "us-east-1")) {
      IamClient iam = clients.iam(AwsBasicCredentials.create("test", "test"));
      iam.createUser(r -> r.userName("admin"));
      iam.putUserPolicy(r -> r.userName("admin").policyName("all").policyDocument(ALLOW_ALL));
      var key = iam.createAccessKey(r -> r.userName("admin")).accessKey();
      return new AccessKeyPair(key.accessKeyId(), key.secretAccessKey());
    }
  }

  @Test
  void resetDeletesWhatWasCreatedSinceAttachAndKeepsWhatWasThere() throws Exception {
    MotoServer moto = plain;
    try (AwsClients clients = new AwsClients(moto.endpoint(), "us-east-1")) {
      AwsBasicCredentials creds = AwsBasicCredentials.create("test", "test");
      IamClient iam = clients.iam(creds);
      iam.createUser(r -> r.userName("teacher"));
      clients.s3(creds).createBucket(r -> r.bucket("kept-bucket"));
      try (ExternalBackend backend =
          ExternalBackend.attach(
              "external", URI.create(moto.endpoint()), ANY, "us-east-1", Clock.systemUTC())) {
        iam.createUser(r -> r.userName("dev-user"));
        iam.createAccessKey(r -> r.userName("dev-user"));
        iam.putUserPolicy(r -> r.userName("dev-user").policyName("p").policyDocument(ALLOW_ALL));
        iam.createRole(
            r ->
                r.roleName("dev-role")
                    .assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
                            + "\"Action\":\"sts:AssumeRole\"}]}"));
        String policy =
            iam.createPolicy(r -> r.policyName("dev-policy").policyDocument(ALLOW_ALL))
                .policy()
                .arn();
        iam.attachRolePolicy(r -> r.roleName("dev-role").policyArn(policy));
        clients.s3(creds).createBucket(r -> r.bucket("lesson-bucket"));
        clients
            .s3(creds)
            .putObject(
                r -> r.bucket("lesson-bucket").key("a.txt"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        backend.reset();
        assertThrows(NoSuchEntityException.class, () -> iam.getUser(r -> r.userName("dev-user")));
        assertThrows(NoSuchEntityException.class, () -> iam.getRole(r -> r.roleName("dev-role")));
        assertThrows(NoSuchEntityException.class, () -> iam.getPolicy(r -> r.policyArn(policy)));
        assertEquals("teacher", iam.getUser(r -> r.userName("teacher")).user().userName());
        assertEquals(
            java.util.List.of("kept-bucket"),
            clients.s3(creds).listBuckets().buckets().stream().map(b -> b.name()).toList());
        assertThrows(BackendException.class, () -> backend.advanceClock(Duration.ofHours(1)));
        assertThrows(BackendException.class, backend::snapshot);
      }
    }
  }
}
