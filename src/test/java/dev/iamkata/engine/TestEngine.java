package dev.iamkata.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An engine on a free port with the well-known example admin key, and SDK clients for it. Tests
 * drive the engine over real HTTP exactly as any AWS SDK user would.
 */
public final class TestEngine implements AutoCloseable {
  public static final String ACCOUNT = EngineConfig.DEFAULT_ACCOUNT;
  public static final AccessKeyPair ADMIN =
      new AccessKeyPair("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

  private final Engine engine;
  private final SdkHttpClient http = ApacheHttpClient.builder().maxConnections(64).build();

  private TestEngine(Engine engine) {
    this.engine = engine;
  }

  public static TestEngine start() {
    try {
      return new TestEngine(Engine.start(EngineConfig.defaults().withAdminKey(ADMIN)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Engine engine() {
    return engine;
  }

  public String endpoint() {
    return engine.endpoint();
  }

  public IamClient iam(AwsCredentials credentials) {
    return IamClient.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .httpClient(http)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .build();
  }

  public StsClient sts(AwsCredentials credentials) {
    return StsClient.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .httpClient(http)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .build();
  }

  public DynamoDbClient dynamodb(AwsCredentials credentials) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .httpClient(http)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .build();
  }

  public Ec2Client ec2(AwsCredentials credentials) {
    return Ec2Client.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .httpClient(http)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .build();
  }

  public software.amazon.awssdk.services.cloudtrail.CloudTrailClient cloudTrail(
      AwsCredentials credentials) {
    return software.amazon.awssdk.services.cloudtrail.CloudTrailClient.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .httpClient(http)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .build();
  }

  public software.amazon.awssdk.services.lambda.LambdaClient lambda(AwsCredentials credentials) {
    return software.amazon.awssdk.services.lambda.LambdaClient.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .httpClient(http)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .build();
  }

  /** An S3 client with path-style addressing, as the aws CLI uses with an endpoint URL. */
  public S3Client s3(AwsCredentials credentials) {
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .httpClient(http)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .build();
  }

  public S3Client adminS3() {
    return s3(admin());
  }

  public IamClient adminIam() {
    return iam(admin());
  }

  public StsClient adminSts() {
    return sts(admin());
  }

  public static AwsCredentials admin() {
    return AwsBasicCredentials.create(ADMIN.accessKeyId(), ADMIN.secretAccessKey());
  }

  public static AwsCredentials session(software.amazon.awssdk.services.sts.model.Credentials c) {
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  @Override
  public void close() {
    engine.close();
    http.close();
  }
}
