package dev.iamkata.engine;

import static dev.iamkata.engine.AssumeRoleFlowIT.assertError;
import static dev.iamkata.engine.AssumeRoleFlowIT.denied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.auth.Totp;
import dev.iamkata.engine.iam.QrImages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Virtual MFA over real HTTP: a device made and enabled with two TOTP codes from the seed IAM
 * returned, a role whose trust policy requires {@code aws:MultiFactorAuthPresent}, codes that work
 * once, and GetSessionToken sessions that carry the MFA into later requests.
 */
class MfaIT {
  static final String ACCOUNT = TestEngine.ACCOUNT;
  static final String MFA_TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"AWS\":\"arn:aws:iam::"
          + ACCOUNT
          + ":root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":"
          + "{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";
  static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/admin-mfa";

  static TestEngine engine;
  static IamClient admin;
  static AwsCredentials carol;
  static String serial;
  static String seed;
  static byte[] qrPng;

  @BeforeAll
  static void setUp() {
    engine = TestEngine.start();
    admin = engine.adminIam();
    carol = StsIT.user(admin, "carol");
    admin.putUserPolicy(
        r -> r.userName("carol").policyName("assume").policyDocument(StsIT.ALLOW_ALL_ASSUME));
    admin.createRole(r -> r.roleName("admin-mfa").assumeRolePolicyDocument(MFA_TRUST));
    VirtualMFADevice device =
        engine
            .iam(TestEngine.admin())
            .createVirtualMFADevice(r -> r.virtualMFADeviceName("carol-phone"))
            .virtualMFADevice();
    serial = device.serialNumber();
    seed = device.base32StringSeed().asUtf8String();
    qrPng = device.qrCodePNG().asByteArray();
    String first = code();
    tick();
    String second = code();
    admin.enableMFADevice(
        r ->
            r.userName("carol")
                .serialNumber(serial)
                .authenticationCode1(first)
                .authenticationCode2(second));
  }

  @AfterAll
  static void tearDown() {
    engine.close();
  }

  static String code() {
    return Totp.code(seed, engine.engine().clock().instant());
  }

  /** One TOTP step later: codes are good once, so each MFA call needs a fresh one. */
  static void tick() {
    engine.engine().clock().advance(Duration.ofSeconds(30));
  }

  /** A six-digit code no step near now produces. */
  static String wrongCode() {
    long now = Totp.step(engine.engine().clock().instant());
    Set<String> near =
        Set.of(
            Totp.codeAtStep(seed, now - 1),
            Totp.codeAtStep(seed, now),
            Totp.codeAtStep(seed, now + 1),
            Totp.codeAtStep(seed, now + 2));
    for (int i = 0; ; i++) {
      String candidate = String.format("%06d", i);
      if (!near.contains(candidate)) {
        return candidate;
      }
    }
  }

  @Test
  void theDeviceIsCarolsWithTheSerialNumberAsItsArn() {
    assertEquals("arn:aws:iam::" + ACCOUNT + ":mfa/carol-phone", serial);
    assertEquals(64, seed.length());
    var listed = admin.listMFADevices(r -> r.userName("carol")).mfaDevices();
    assertEquals(1, listed.size());
    assertEquals(serial, listed.get(0).serialNumber());
    assertEquals("carol", listed.get(0).userName());
    var assigned =
        admin
            .listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED))
            .virtualMFADevices();
    assertEquals(List.of(serial), assigned.stream().map(VirtualMFADevice::serialNumber).toList());
    assertEquals("carol", assigned.get(0).user().userName());
    assertNull(assigned.get(0).base32StringSeed());
    assertNull(assigned.get(0).qrCodePNG());
  }

  @Test
  void theQrCodeIsAPngOfTheOtpauthUriWithTheSeed() throws Exception {
    assertTrue(QrImages.isPng(qrPng), "a PNG");
    assertEquals(
        "otpauth://totp/Amazon%20Web%20Services:carol-phone@"
            + ACCOUNT
            + "?secret="
            + seed
            + "&issuer=Amazon%20Web%20Services",
        QrImages.decode(qrPng));
  }

  @Test
  void enablingNeedsTwoConsecutiveCodesAndAFreeDevice() {
    admin.createUser(r -> r.userName("dave"));
    VirtualMFADevice daves =
        admin.createVirtualMFADevice(r -> r.virtualMFADeviceName("dave-phone")).virtualMFADevice();
    String devSerial = daves.serialNumber();
    String daveSeed = daves.base32StringSeed().asUtf8String();
    AwsServiceException e =
        denied(
            () ->
                admin.enableMFADevice(
                    r ->
                        r.userName("dave")
                            .serialNumber(devSerial)
                            .authenticationCode1("123456")
                            .authenticationCode2("654321")));
    assertError("InvalidAuthenticationCode", e);
    assertEquals(
        "Authentication code for device is not valid.", e.awsErrorDetails().errorMessage());
    e =
        denied(
            () ->
                admin.enableMFADevice(
                    r ->
                        r.userName("dave")
                            .serialNumber(serial)
                            .authenticationCode1("123456")
                            .authenticationCode2("654321")));
    assertError("EntityAlreadyExists", e);
    e =
        denied(
            () ->
                admin.enableMFADevice(
                    r ->
                        r.userName("dave")
                            .serialNumber("arn:aws:iam::" + ACCOUNT + ":mfa/nobody")
                            .authenticationCode1("123456")
                            .authenticationCode2("654321")));
    assertError("NoSuchEntity", e);
    e = denied(() -> admin.deleteVirtualMFADevice(r -> r.serialNumber(serial)));
    assertError("DeleteConflict", e);
    long now = Totp.step(engine.engine().clock().instant());
    admin.enableMFADevice(
        r ->
            r.userName("dave")
                .serialNumber(devSerial)
                .authenticationCode1(Totp.codeAtStep(daveSeed, now - 1))
                .authenticationCode2(Totp.codeAtStep(daveSeed, now)));
    assertEquals(
        devSerial,
        admin.listMFADevices(r -> r.userName("dave")).mfaDevices().get(0).serialNumber());
    assertTrue(admin.listMFADevices().mfaDevices().isEmpty(), "the admin's own devices");
    e = denied(() -> admin.deleteUser(r -> r.userName("dave")));
    assertEquals(
        "Cannot delete entity, must remove MFA device first.", e.awsErrorDetails().errorMessage());
    admin.deactivateMFADevice(r -> r.userName("dave").serialNumber(devSerial));
    assertTrue(admin.listMFADevices(r -> r.userName("dave")).mfaDevices().isEmpty());
    admin.deleteVirtualMFADevice(r -> r.serialNumber(devSerial));
    assertTrue(
        admin.listVirtualMFADevices().virtualMFADevices().stream()
            .noneMatch(d -> d.serialNumber().equals(devSerial)));
  }

  @Test
  void theRoleWantsMfaAndEachCodeWorksOnce() {
    AwsServiceException e =
        denied(
            () -> engine.sts(carol).assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("no-mfa")));
    assertError("AccessDenied", e);

    e =
        denied(
            () ->
                engine
                    .sts(carol)
                    .assumeRole(
                        r ->
                            r.roleArn(ROLE_ARN)
                                .roleSessionName("bad")
                                .serialNumber(serial)
                                .tokenCode(wrongCode())));
    assertError("AccessDenied", e);
    assertEquals(
        "MultiFactorAuthentication failed with invalid MFA one time pass code.",
        e.awsErrorDetails().errorMessage());

    tick();
    String code = code();
    Credentials session =
        engine
            .sts(carol)
            .assumeRole(
                r ->
                    r.roleArn(ROLE_ARN)
                        .roleSessionName("with-mfa")
                        .serialNumber(serial)
                        .tokenCode(code))
            .credentials();
    assertEquals(
        "arn:aws:sts::" + ACCOUNT + ":assumed-role/admin-mfa/with-mfa",
        engine.sts(TestEngine.session(session)).getCallerIdentity().arn());

    e =
        denied(
            () ->
                engine
                    .sts(carol)
                    .assumeRole(
                        r ->
                            r.roleArn(ROLE_ARN)
                                .roleSessionName("again")
                                .serialNumber(serial)
                                .tokenCode(code)));
    assertEquals(
        "MultiFactorAuthentication failed with invalid MFA one time pass code.",
        e.awsErrorDetails().errorMessage());

    e =
        denied(
            () ->
                engine
                    .sts(carol)
                    .assumeRole(
                        r ->
                            r.roleArn(ROLE_ARN)
                                .roleSessionName("other")
                                .serialNumber("arn:aws:iam::" + ACCOUNT + ":mfa/someone-else")
                                .tokenCode("123456")));
    assertEquals(
        "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA"
            + " serial number is valid and associated with this user.",
        e.awsErrorDetails().errorMessage());
  }

  @Test
  void aSessionTokenMadeWithMfaCarriesItAndItsAge() {
    tick();
    String code = code();
    Credentials mfaSession =
        engine
            .sts(carol)
            .getSessionToken(r -> r.serialNumber(serial).tokenCode(code))
            .credentials();
    AwsCredentials withMfa = TestEngine.session(mfaSession);
    Credentials role =
        engine
            .sts(withMfa)
            .assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("via-session"))
            .credentials();
    assertTrue(role.accessKeyId().startsWith("ASIA"));

    Credentials plain = engine.sts(carol).getSessionToken().credentials();
    AwsServiceException e =
        denied(
            () ->
                engine
                    .sts(TestEngine.session(plain))
                    .assumeRole(r -> r.roleArn(ROLE_ARN).roleSessionName("no-mfa-session")));
    assertError("AccessDenied", e);

    // an hour after the code, a trust policy that wants fresh MFA no longer lets the session in
    admin.createRole(
        r ->
            r.roleName("fresh-mfa")
                .assumeRolePolicyDocument(
                    MFA_TRUST.replace(
                        "\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}",
                        "\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}")));
    String fresh = "arn:aws:iam::" + ACCOUNT + ":role/fresh-mfa";
    engine.sts(withMfa).assumeRole(r -> r.roleArn(fresh).roleSessionName("soon"));
    Instant before = engine.engine().clock().instant();
    engine.engine().clock().advance(Duration.ofHours(1));
    e = denied(() -> engine.sts(withMfa).assumeRole(r -> r.roleArn(fresh).roleSessionName("late")));
    assertError("AccessDenied", e);
    assertTrue(engine.engine().clock().instant().isAfter(before));
  }
}
