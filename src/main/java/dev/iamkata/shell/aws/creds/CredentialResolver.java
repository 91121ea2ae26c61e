package dev.iamkata.shell.aws.creds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.shell.aws.AwsCliException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Finds credentials as the aws CLI does: environment variables (unless {@code --profile} names a
 * profile), then the profile's {@code role_arn} (with {@code source_profile} or {@code
 * credential_source = Environment}, {@code external_id}, {@code role_session_name}, {@code
 * duration_seconds}, {@code mfa_serial} prompting for a code), then its static keys, and last an
 * instance's role from the metadata service {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} names (never
 * the real {@code 169.254.169.254}). Assumed-role credentials go through the CLI's file cache.
 */
public final class CredentialResolver {
  /** Calls STS AssumeRole with source credentials (the caller knows the endpoint). */
  @FunctionalInterface
  public interface AssumeRole {
    AssumeRoleResponse call(AwsCredentials source, AssumeRoleRequest request);
  }

  /** Fetches an instance's credentials from a metadata endpoint (the caller vets the endpoint). */
  @FunctionalInterface
  public interface InstanceMetadata {
    Optional<AwsCredentials> fetch(String endpoint);
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Clock clock;
  private final AssumeRole sts;
  private final InstanceMetadata instanceMetadata;

  public CredentialResolver(Clock clock, AssumeRole sts, InstanceMetadata instanceMetadata) {
    this.clock = clock;
    this.sts = sts;
    this.instanceMetadata = instanceMetadata;
  }

  /**
   * The credentials for a command.
   *
   * @param explicitProfile {@code --profile}, or null
   * @param prompt where an MFA code is asked for and read from
   */
  public Resolved resolve(
      Map<String, String> env,
      String explicitProfile,
      ConfigFiles files,
      BufferedReader stdin,
      PrintStream prompt) {
    String profile = explicitProfile != null ? explicitProfile : nonEmpty(env.get("AWS_PROFILE"));
    if (profile != null && files.profile(profile) == null) {
      throw AwsCliException.of(
          AwsCliException.GENERAL, "The config profile (" + profile + ") could not be found");
    }
    if (explicitProfile == null) {
      AwsCredentials fromEnv = fromEnvironment(env);
      if (fromEnv != null) {
        return new Resolved(fromEnv, "env", null);
      }
    }
    String name = profile == null ? "default" : profile;
    AwsCredentials found =
        files.profile(name) == null
            ? null
            : fromProfile(name, files, env, stdin, prompt, new HashSet<>());
    if (found == null) {
      // botocore's last provider, reached only when no profile gave keys
      String imds = nonEmpty(env.get("AWS_EC2_METADATA_SERVICE_ENDPOINT"));
      if (imds != null && !"true".equalsIgnoreCase(env.get("AWS_EC2_METADATA_DISABLED"))) {
        Optional<AwsCredentials> fromInstance = instanceMetadata.fetch(imds);
        if (fromInstance.isPresent()) {
          return new Resolved(fromInstance.get(), "iam-role", profile);
        }
      }
      throw AwsCliException.of(
          AwsCliException.CONFIG,
          "Unable to locate credentials. You can configure credentials by running \"aws"
              + " configure\".");
    }
    String method =
        files.profile(name).containsKey("role_arn") ? "assume-role" : "shared-credentials-file";
    return new Resolved(found, method, profile);
  }

  /** The environment's credentials, or null when there are none. */
  public static AwsCredentials fromEnvironment(Map<String, String> env) {
    String key = nonEmpty(env.get("AWS_ACCESS_KEY_ID"));
    String secret = nonEmpty(env.get("AWS_SECRET_ACCESS_KEY"));
    if (key == null) {
      return null;
    }
    if (secret == null) {
      throw AwsCliException.of(
          AwsCliException.GENERAL,
          "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY");
    }
    String token = nonEmpty(env.get("AWS_SESSION_TOKEN"));
    if (token == null) {
      token = nonEmpty(env.get("AWS_SECURITY_TOKEN"));
    }
    return token == null
        ? AwsBasicCredentials.create(key, secret)
        : AwsSessionCredentials.create(key, secret, token);
  }

  private AwsCredentials fromProfile(
      String name,
      ConfigFiles files,
      Map<String, String> env,
      BufferedReader stdin,
      PrintStream prompt,
      Set<String> visited) {
    Map<String, String> p = files.profile(name);
    if (p == null) {
      throw AwsCliException.of(
          AwsCliException.GENERAL, "The config profile (" + name + ") could not be found");
    }
    if (p.containsKey("role_arn") && visited.add(name)) {
      AwsCredentials source;
      String credentialSource = p.get("credential_source");
      String sourceProfile = p.get("source_profile");
      if (credentialSource != null) {
        source = fromEnvironment(env);
      } else if (sourceProfile == null) {
        throw AwsCliException.of(
            AwsCliException.GENERAL,
            "Partial credentials found in assume-role, missing: source_profile or"
                + " credential_source");
      } else if (sourceProfile.equals(name)) {
        source = staticKeys(p);
      } else {
        source = fromProfile(sourceProfile, files, env, stdin, prompt, visited);
      }
      if (source == null) {
        throw AwsCliException.of(
            AwsCliException.CONFIG,
            "Unable to locate credentials. You can configure credentials by running \"aws"
                + " configure\".");
      }
      return assume(p, source, env, stdin, prompt);
    }
    return staticKeys(p);
  }

  private static AwsCredentials staticKeys(Map<String, String> p) {
    String key = p.get("aws_access_key_id");
    String secret = p.get("aws_secret_access_key");
    if (key == null) {
      return null;
    }
    if (secret == null) {
      throw AwsCliException.of(
          AwsCliException.GENERAL,
          "Partial credentials found in shared-credentials-file, missing: aws_secret_access_key");
    }
    String token = p.getOrDefault("aws_session_token", p.get("aws_security_token"));
    return token == null
        ? AwsBasicCredentials.create(key, secret)
        : AwsSessionCredentials.create(key, secret, token);
  }

  private AwsCredentials assume(
      Map<String, String> p,
      AwsCredentials source,
      Map<String, String> env,
      BufferedReader stdin,
      PrintStream prompt) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("RoleArn", p.get("role_arn"));
    if (p.containsKey("external_id")) {
      args.put("ExternalId", p.get("external_id"));
    }
    if (p.containsKey("mfa_serial")) {
      args.put("SerialNumber", p.get("mfa_serial"));
    }
    if (p.containsKey("role_session_name")) {
      args.put("RoleSessionName", p.get("role_session_name"));
    }
    if (p.containsKey("duration_seconds")) {
      try {
        args.put("DurationSeconds", Integer.parseInt(p.get("duration_seconds")));
      } catch (NumberFormatException e) {
        // botocore ignores a duration that is not a number
      }
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    AssumeRoleCache cache = AssumeRoleCache.in(home, clock);
    String key = AssumeRoleCache.key(args);
    JsonNode cached = cache.get(key);
    if (cached != null) {
      JsonNode c = cached.path("Credentials");
      return AwsSessionCredentials.create(
          c.path("AccessKeyId").asText(),
          c.path("SecretAccessKey").asText(),
          c.path("SessionToken").asText());
    }
    AssumeRoleRequest.Builder req =
        AssumeRoleRequest.builder()
            .roleArn(p.get("role_arn"))
            .roleSessionName(
                p.getOrDefault(
                    "role_session_name", "botocore-session-" + clock.instant().getEpochSecond()));
    if (args.get("ExternalId") != null) {
      req.externalId((String) args.get("ExternalId"));
    }
    if (args.get("DurationSeconds") != null) {
      req.durationSeconds((Integer) args.get("DurationSeconds"));
    }
    if (args.get("SerialNumber") != null) {
      String serial = (String) args.get("SerialNumber");
      prompt.print("Enter MFA code for " + serial + ": ");
      prompt.flush();
      req.serialNumber(serial).tokenCode(readLine(stdin));
    }
    AssumeRoleResponse r = sts.call(source, req.build());
    cache.put(key, cacheEntry(r));
    return AwsSessionCredentials.create(
        r.credentials().accessKeyId(),
        r.credentials().secretAccessKey(),
        r.credentials().sessionToken());
  }

  private static ObjectNode cacheEntry(AssumeRoleResponse r) {
    ObjectNode out = NODES.objectNode();
    ObjectNode c = out.putObject("Credentials");
    c.put("AccessKeyId", r.credentials().accessKeyId());
    c.put("SecretAccessKey", r.credentials().secretAccessKey());
    c.put("SessionToken", r.credentials().sessionToken());
    c.put("Expiration", AssumeRoleCache.format(r.credentials().expiration()));
    if (r.assumedRoleUser() != null) {
      String arn = r.assumedRoleUser().arn();
      String[] parts = arn.split(":");
      if (parts.length > 4) {
        c.put("AccountId", parts[4]);
      }
      ObjectNode u = out.putObject("AssumedRoleUser");
      u.put("AssumedRoleId", r.assumedRoleUser().assumedRoleId());
      u.put("Arn", arn);
    }
    ObjectNode meta = out.putObject("ResponseMetadata");
    meta.put("RequestId", r.responseMetadata() == null ? "" : r.responseMetadata().requestId());
    meta.put("HTTPStatusCode", 200);
    meta.putObject("HTTPHeaders");
    meta.put("RetryAttempts", 0);
    return out;
  }

  private static String readLine(BufferedReader stdin) {
    try {
      String line = stdin.readLine();
      return line == null ? "" : line.strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static String nonEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
