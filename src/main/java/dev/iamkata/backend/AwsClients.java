package dev.iamkata.backend;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
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
 * AWS SDK v2 clients for one backend's endpoint and region, sharing one HTTP client. Retries are
 * off: a probe or a cleanup wants the backend's first answer, not a retried one.
 */
public final class AwsClients implements AutoCloseable {
  private final URI endpoint;
  private final Region region;
  private final SdkHttpClient http =
      ApacheHttpClient.builder()
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
    return configure(IamClient.builder(), credentials).httpClient(http).build();
  }

  public StsClient sts(AwsCredentials credentials) {
    return configure(StsClient.builder(), credentials).httpClient(http).build();
  }

  /** Path-style, because emulators serve buckets under one host. */
  public S3Client s3(AwsCredentials credentials) {
    return configure(S3Client.builder(), credentials).forcePathStyle(true).httpClient(http).build();
  }

  public DynamoDbClient dynamodb(AwsCredentials credentials) {
    return configure(DynamoDbClient.builder(), credentials).httpClient(http).build();
  }

  public Ec2Client ec2(AwsCredentials credentials) {
    return configure(Ec2Client.builder(), credentials).httpClient(http).build();
  }

  public LambdaClient lambda(AwsCredentials credentials) {
    return configure(LambdaClient.builder(), credentials).httpClient(http).build();
  }

  public CloudTrailClient cloudtrail(AwsCredentials credentials) {
    return configure(CloudTrailClient.builder(), credentials).httpClient(http).build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsCredentials credentials) {
    return builder
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
    http.close();
  }
}
