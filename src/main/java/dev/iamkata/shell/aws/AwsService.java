package dev.iamkata.shell.aws;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** The services the engine implements, by the CLI's name, with the SDK client that calls them. */
public enum AwsService {
  CLOUDTRAIL("cloudtrail", CloudTrailClient.class, CloudTrailClient::builder),
  DYNAMODB("dynamodb", DynamoDbClient.class, DynamoDbClient::builder),
  EC2("ec2", Ec2Client.class, Ec2Client::builder),
  IAM("iam", IamClient.class, IamClient::builder),
  LAMBDA("lambda", LambdaClient.class, LambdaClient::builder),
  S3API("s3api", S3Client.class, S3Client::builder),
  STS("sts", StsClient.class, StsClient::builder);

  private final String cliName;
  private final Class<? extends SdkClient> clientType;
  private final Supplier<? extends AwsClientBuilder<?, ?>> builder;

  AwsService(
      String cliName,
      Class<? extends SdkClient> clientType,
      Supplier<? extends AwsClientBuilder<?, ?>> builder) {
    this.cliName = cliName;
    this.clientType = clientType;
    this.builder = builder;
  }

  public String cliName() {
    return cliName;
  }

  public Class<? extends SdkClient> clientType() {
    return clientType;
  }

  /** A fresh client builder for this service. */
  public AwsClientBuilder<?, ?> builder() {
    return builder.get();
  }

  /** The service the CLI calls {@code name}. */
  public static Optional<AwsService> byCliName(String name) {
    return Arrays.stream(values()).filter(s -> s.cliName.equals(name)).findFirst();
  }
}
