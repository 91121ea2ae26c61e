package dev.iamkata.shell.aws.creds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The instance-profile credential provider of botocore ({@code InstanceMetadataFetcher}), at the
 * endpoint {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} names: an IMDSv2 token ({@code PUT
 * latest/api/token}, falling back to IMDSv1 when the service answers 403, 404 or 405), the role's
 * name from {@code latest/meta-data/iam/security-credentials/}, then its keys. A service that
 * cannot be reached, has no role or answers without all of the keys gives no credentials, as
 * botocore then goes on to report none.
 */
public final class InstanceMetadataCredentials {
  private static final String TOKEN_TTL = "21600";
  private static final String ROLES = "latest/meta-data/iam/security-credentials/";
  private static final ObjectMapper JSON = new ObjectMapper();

  // botocore waits one second per request and tries once; the engine shares a loaded machine
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .proxy(HttpClient.Builder.NO_PROXY)
          .build();

  /** The credentials of the instance at {@code endpoint}, or empty. */
  public Optional<AwsCredentials> fetch(String endpoint) {
    String base = endpoint.endsWith("/") ? endpoint : endpoint + "/";
    try {
      String token = token(base);
      HttpResponse<String> roles = get(base + ROLES, token);
      if (roles.statusCode() != 200 || roles.body().isBlank()) {
        return Optional.empty();
      }
      String role = roles.body().lines().findFirst().orElse("").strip();
      HttpResponse<String> keys = get(base + ROLES + role, token);
      if (keys.statusCode() != 200) {
        return Optional.empty();
      }
      JsonNode c = JSON.readTree(keys.body());
      for (String field : new String[] {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}) {
        if (!c.path(field).isTextual()) {
          return Optional.empty();
        }
      }
      return Optional.of(
          AwsSessionCredentials.create(
              c.get("AccessKeyId").asText(),
              c.get("SecretAccessKey").asText(),
              c.get("Token").asText()));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** An IMDSv2 token, or null when the service only speaks IMDSv1. */
  private String token(String base) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "latest/api/token"))
                .timeout(TIMEOUT)
                .header("x-aws-ec2-metadata-token-ttl-seconds", TOKEN_TTL)
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return switch (r.statusCode()) {
      case 200 -> r.body();
      case 403, 404, 405 -> null;
      default -> throw new IOException("metadata token: HTTP " + r.statusCode());
    };
  }

  private HttpResponse<String> get(String url, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
    if (token != null) {
      b.header("x-aws-ec2-metadata-token", token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
