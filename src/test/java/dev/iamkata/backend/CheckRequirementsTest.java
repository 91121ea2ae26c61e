package dev.iamkata.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckRequirementsTest {
  private static final Set<String> ALL_SERVICES = EmbeddedBackend.SERVICES;

  /** moto's server without auth, as measured: nothing enforced, no clock. */
  private static final Capabilities MOTO =
      new Capabilities(
          EnumSet.noneOf(Capability.class),
          Set.of("iam", "sts", "s3", "dynamodb", "ec2", "lambda"),
          Map.of(
              Capability.IDENTITY_POLICIES, "a user with no policies calling iam:ListUsers got ok",
              Capability.TRUST_POLICIES, "the admin assumed a role ...",
              Capability.CLOCK_CONTROL, "no control API",
              Capability.TOKEN_EXPIRY, "not shown"));

  @Test
  void denialsNeedIdentityPoliciesInEveryServicesSpelling() {
    for (String code :
        new String[] {"AccessDenied", "AccessDeniedException", "UnauthorizedOperation"}) {
      assertEquals(
          Set.of(Capability.IDENTITY_POLICIES),
          CheckRequirements.of("s3", "ls", "error: " + code).capabilities(),
          code);
    }
  }

  @Test
  void aRefusedAssumeRoleNeedsTrustPoliciesToo() {
    assertEquals(
        Set.of(Capability.IDENTITY_POLICIES, Capability.TRUST_POLICIES),
        CheckRequirements.of("sts", "assume-role", "error: AccessDenied").capabilities());
    assertEquals(
        Set.of(Capability.IDENTITY_POLICIES, Capability.TRUST_POLICIES),
        CheckRequirements.of("sts", "AssumeRole", "AccessDenied").capabilities());
  }

  @Test
  void expiryNeedsTokenExpiryAndTheClockOrARealWait() {
    CheckRequirements.Requirement r = CheckRequirements.of("s3", "ls", "error: ExpiredToken");
    assertEquals(Set.of(Capability.TOKEN_EXPIRY, Capability.CLOCK_CONTROL), r.capabilities());
    assertTrue(r.realWaitReplacesClock());
    Capabilities expiryWithoutClock =
        new Capabilities(
            EnumSet.of(Capability.TOKEN_EXPIRY),
            ALL_SERVICES,
            Map.of(Capability.CLOCK_CONTROL, "no control API"));
    assertEquals(Optional.empty(), r.unverifiable(expiryWithoutClock, true));
    assertEquals(
        Optional.of(
            "cannot be verified on this backend: needs clock control; run with --real-wait to"
                + " wait 15 minutes"),
        r.unverifiable(expiryWithoutClock, false));
    // without expiry no wait helps: that is said first
    Capabilities neither =
        new Capabilities(
            EnumSet.noneOf(Capability.class),
            ALL_SERVICES,
            Map.of(Capability.TOKEN_EXPIRY, "a session past its Expiration still got ok"));
    assertEquals(
        Optional.of("no token-expiry (a session past its Expiration still got ok)"),
        r.missing(neither, true));
  }

  @Test
  void signatureRefusalsNeedSignatures() {
    for (String code : new String[] {"InvalidClientTokenId", "SignatureDoesNotMatch"}) {
      assertEquals(
          Set.of(Capability.SIGNATURES),
          CheckRequirements.of("sts", "get-caller-identity", "error: " + code).capabilities());
    }
  }

  @Test
  void successAndOtherErrorsNeedOnlyTheService() {
    assertEquals(Set.of(), CheckRequirements.of("s3", "ls", "ok").capabilities());
    assertEquals(Set.of(), CheckRequirements.of("s3", "ls", null).capabilities());
    assertEquals(
        Set.of(),
        CheckRequirements.of("iam", "create-role", "error: MalformedPolicyDocument")
            .capabilities());
    assertEquals("s3", CheckRequirements.of("s3api", "list-buckets", "ok").service());
  }

  @Test
  void onMotoADenialIsSkippedWithTheProbesReasonAndASuccessIsNot() {
    assertEquals(
        Optional.of(
            "cannot be verified on this backend: no identity-policies (a user with no policies"
                + " calling iam:ListUsers got ok)"),
        CheckRequirements.of("dynamodb", "list-tables", "error: AccessDeniedException")
            .unverifiable(MOTO, true));
    assertFalse(CheckRequirements.of("s3", "ls", "ok").unverifiable(MOTO, false).isPresent());
    assertEquals(
        Optional.of("cannot be verified on this backend: it does not serve cloudtrail"),
        CheckRequirements.of("cloudtrail", "lookup-events", "ok").unverifiable(MOTO, false));
  }

  @Test
  void theEmbeddedEngineVerifiesEverything() {
    Capabilities all = Capabilities.all(ALL_SERVICES);
    for (String outcome :
        new String[] {"ok", "error: AccessDenied", "error: ExpiredToken", "InvalidClientTokenId"}) {
      assertEquals(
          Optional.empty(),
          CheckRequirements.of("sts", "assume-role", outcome).unverifiable(all, false));
    }
  }
}
