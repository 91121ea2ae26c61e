package dev.iamkata.shell.aws.creds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamkata.shell.aws.AwsCliException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;
import software.amazon.awssdk.services.sts.model.Credentials;

class CredentialResolverTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final List<AssumeRoleRequest> calls = new ArrayList<>();
  private final List<String> metadataCalls = new ArrayList<>();
  private final CredentialResolver resolver =
      new CredentialResolver(
          Clock.fixed(NOW, ZoneOffset.UTC),
          (source, req) -> {
            calls.add(req);
            return AssumeRoleResponse.builder()
                .credentials(
                    Credentials.builder()
                        .accessKeyId("ASIA" + source.accessKeyId())
                        .secretAccessKey("s")
                        .sessionToken("t")
                        .expiration(NOW.plusSeconds(3600))
                        .build())
                .assumedRoleUser(
                    AssumedRoleUser.builder()
                        .arn("arn:aws:sts::123456789012:assumed-role/r/" + req.roleSessionName())
                        .assumedRoleId("AROAX:" + req.roleSessionName())
                        .build())
                .build();
          },
          endpoint -> {
            metadataCalls.add(endpoint);
            return Optional.of(AwsSessionCredentials.create("ASIAINSTANCE", "i", "t"));
          });

  private Map<String, String> files(Path home) throws Exception {
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(
        home.resolve(".aws/credentials"),
        "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = d\n"
            + "[dev]\naws_access_key_id = AKIADEV\naws_secret_access_key = x\n");
    Files.writeString(
        home.resolve(".aws/config"),
        "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = dev\n"
            + "mfa_serial = arn:aws:iam::123456789012:mfa/dev\nduration_seconds = 900\n");
    return Map.of("HOME", home.toString());
  }

  private Resolved resolve(
      Map<String, String> env, String profile, String stdin, ByteArrayOutputStream prompt) {
    return resolver.resolve(
        env,
        profile,
        ConfigFiles.load(env),
        new BufferedReader(new StringReader(stdin)),
        new PrintStream(prompt, true, StandardCharsets.UTF_8));
  }

  @Test
  void environmentWinsUnlessAProfileIsNamedOnTheCommandLine(@TempDir Path home) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(files(home));
    env.put("AWS_ACCESS_KEY_ID", "AKIAENV");
    env.put("AWS_SECRET_ACCESS_KEY", "e");
    env.put("AWS_PROFILE", "dev");
    ByteArrayOutputStream prompt = new ByteArrayOutputStream();
    assertEquals("AKIAENV", resolve(env, null, "", prompt).credentials().accessKeyId());
    assertEquals("AKIADEV", resolve(env, "dev", "", prompt).credentials().accessKeyId());
  }

  @Test
  void roleProfilePromptsForTheMfaCodeAndCachesTheSession(@TempDir Path home) throws Exception {
    Map<String, String> env = files(home);
    ByteArrayOutputStream prompt = new ByteArrayOutputStream();
    Resolved first = resolve(env, "role", "123456\n", prompt);
    assertEquals("ASIAAKIADEV", first.credentials().accessKeyId());
    assertEquals(
        "Enter MFA code for arn:aws:iam::123456789012:mfa/dev: ",
        prompt.toString(StandardCharsets.UTF_8));
    assertEquals("123456", calls.get(0).tokenCode());
    assertEquals(900, calls.get(0).durationSeconds());
    assertEquals("botocore-session-" + NOW.getEpochSecond(), calls.get(0).roleSessionName());
    Resolved again = resolve(env, "role", "", new ByteArrayOutputStream());
    assertEquals("ASIAAKIADEV", again.credentials().accessKeyId());
    assertEquals(1, calls.size(), "the second command uses ~/.aws/cli/cache");
  }

  @Test
  void unknownProfileAndMissingCredentialsAreTheClisErrors(@TempDir Path home) {
    Map<String, String> env = Map.of("HOME", home.toString());
    AwsCliException unknown =
        assertThrows(
            AwsCliException.class, () -> resolve(env, "nope", "", new ByteArrayOutputStream()));
    assertEquals("\nThe config profile (nope) could not be found\n", unknown.stderr());
    assertEquals(255, unknown.exitCode());
    AwsCliException none =
        assertThrows(
            AwsCliException.class, () -> resolve(env, null, "", new ByteArrayOutputStream()));
    assertEquals(253, none.exitCode());
    assertEquals(
        "\n"
            + "Unable to locate credentials. You can configure credentials by running \"aws"
            + " configure\".\n",
        none.stderr());
  }

  @Test
  void instanceMetadataComesLastAndOnlyWhenItsEndpointIsSet(@TempDir Path home) throws Exception {
    String imds = "http://127.0.0.1:1/_imds/i-0123456789abcdef0";
    Map<String, String> bare = new java.util.HashMap<>(Map.of("HOME", home.toString()));
    bare.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds);
    Resolved fromInstance = resolve(bare, null, "", new ByteArrayOutputStream());
    assertEquals("ASIAINSTANCE", fromInstance.credentials().accessKeyId());
    assertEquals("iam-role", fromInstance.method());
    assertEquals(List.of(imds), metadataCalls);

    bare.put("AWS_EC2_METADATA_DISABLED", "true");
    assertEquals(
        253,
        assertThrows(
                AwsCliException.class, () -> resolve(bare, null, "", new ByteArrayOutputStream()))
            .exitCode());
    assertEquals(1, metadataCalls.size());

    Map<String, String> withKeys = new java.util.HashMap<>(files(home));
    withKeys.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds);
    assertEquals(
        "AKIADEFAULT",
        resolve(withKeys, null, "", new ByteArrayOutputStream()).credentials().accessKeyId());
    assertEquals(1, metadataCalls.size(), "a profile's keys come before the instance's");
  }
}
