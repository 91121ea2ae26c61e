package dev.iamkata.backend;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * AWS SDK v2 clients for one backend's endpoint and region, sharing one HTTP client, one client
 * kept per service and key (building one costs tens of milliseconds). Retries are off: a probe or a
 * cleanup wants the backend's first answer, not a retried one.
 */
public final class AwsClients implements AutoCloseable {
  private final URI endpoint;
  private final Region region;
  private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
  private final SdkHttpClient http =
      ApacheHttpClient.builder()
          .maxConnections(16)
          .connectionTimeout(Duration.ofSeconds(5))
          .socketTimeout(Duration.ofSeconds(60))
          .build();

  public AwsClients(String endpoint, String region) {
    this.endpoint = URI.create(endpoint);
    this.region = Region.of(region);
  }

  /** Clients for {@code backend}'s endpoint and region. */
  public static AwsClients of(Backend backend) {
    return new AwsClients(backend.endpoint(), backend.region());
  }

  public IamClient iam(AwsCredentials credentials) {
    return cached("iam", credentials, () -> configure(IamClient.builder(), credentials).build());
  }

  public StsClient sts(AwsCredentials credentials) {
    return cached("sts", credentials, () -> configure(StsClient.builder(), credentials).build());
  }

  /** Path-style, because emulators serve buckets under one host. */
  public S3Client s3(AwsCredentials credentials) {
    return cached(
        "s3",
        credentials,
        () -> configure(S3Client.builder(), credentials).forcePathStyle(true).build());
  }

  public DynamoDbClient dynamodb(AwsCredentials credentials) {
    return cached(
        "dynamodb", credentials, () -> configure(DynamoDbClient.builder(), credentials).build());
  }

  public Ec2Client ec2(AwsCredentials credentials) {
    return cached("ec2", credentials, () -> configure(Ec2Client.builder(), credentials).build());
  }

  public LambdaClient lambda(AwsCredentials credentials) {
    return cached(
        "lambda", credentials, () -> configure(LambdaClient.builder(), credentials).build());
  }

  public CloudTrailClient cloudtrail(AwsCredentials credentials) {
    return cached(
        "cloudtrail",
        credentials,
        () -> configure(CloudTrailClient.builder(), credentials).build());
  }

  private <C extends SdkClient> C cached(
      String service, AwsCredentials credentials, Supplier<C> build) {
    String token = credentials instanceof AwsSessionCredentials s ? s.sessionToken() : "";
    String key =
        String.join("\n", service, credentials.accessKeyId(), credentials.secretAccessKey(), token);
    @SuppressWarnings("unchecked")
    C client = (C) clients.computeIfAbsent(key, k -> build.get());
    return client;
  }

  private <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(
      B builder, AwsCredentials credentials) {
    return builder
        .httpClient(http)
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .build());
  }

  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    clients.clear();
    http.close();
  }
}
