package dev.iamkata.shell.aws;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * SDK clients shared by every command of a shell: one HTTP client, and one client per service,
 * endpoint, region and credentials, so a command after the first costs a request, not a client.
 * Clients never retry: the CLI's retries would only slow a learner's error down.
 */
public final class ClientCache implements AutoCloseable {
  private static final int MAX = 64;

  private record Key(
      AwsService service,
      String endpoint,
      String region,
      String akid,
      String secret,
      String token) {}

  private final SdkHttpClient http;
  private final Map<Key, SdkClient> clients = new ConcurrentHashMap<>();

  public ClientCache(SdkHttpClient http) {
    this.http = http;
  }

  /** The client for a service at an endpoint; {@code credentials} null means unsigned. */
  public SdkClient client(
      AwsService service, String endpoint, String region, AwsCredentials credentials) {
    String token = credentials instanceof AwsSessionCredentials s ? s.sessionToken() : null;
    Key key =
        new Key(
            service,
            endpoint,
            region,
            credentials == null ? null : credentials.accessKeyId(),
            credentials == null ? null : credentials.secretAccessKey(),
            token);
    SdkClient c = clients.get(key);
    if (c != null) {
      return c;
    }
    if (clients.size() >= MAX) {
      clients.values().forEach(SdkClient::close);
      clients.clear();
    }
    return clients.computeIfAbsent(key, k -> build(service, endpoint, region, credentials));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private SdkClient build(
      AwsService service, String endpoint, String region, AwsCredentials credentials) {
    AwsClientBuilder b = service.builder();
    b.endpointOverride(URI.create(endpoint));
    b.region(Region.of(region));
    b.credentialsProvider(
        credentials == null
            ? AnonymousCredentialsProvider.create()
            : StaticCredentialsProvider.create(credentials));
    b.overrideConfiguration(
        o ->
            ((software.amazon.awssdk.core.client.config.ClientOverrideConfiguration.Builder) o)
                .retryStrategy(AwsRetryStrategy.doNotRetry()));
    ((SdkSyncClientBuilder) b).httpClient(http);
    if (b instanceof S3ClientBuilder s3) {
      s3.forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    }
    return (SdkClient) b.build();
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    clients.clear();
  }
}
