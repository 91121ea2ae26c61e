package dev.iamkata.backend;

import dev.iamkata.backend.Inventory.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The reset of an endpoint without snapshots: deletes what was created since a baseline {@link
 * Inventory}, in {@link Kind} order (instance profiles before roles, users before groups, policies
 * once nothing uses them). Best effort: every deletion is tried, and what could not be deleted is
 * reported together at the end.
 */
final class Cleanup {
  private Cleanup() {}

  /**
   * Deletes everything {@code now} has beyond {@code baseline}.
   *
   * @return "kind name: message" for each deletion that failed; empty when all went
   */
  static List<String> toBaseline(
      AwsClients clients, AwsCredentials admin, Inventory baseline, Inventory now) {
    List<String> failed = new ArrayList<>();
    IamClient iam = clients.iam(admin);
    for (Map.Entry<Kind, List<String>> e : baseline.added(now).entrySet()) {
      Consumer<String> delete =
          switch (e.getKey()) {
            case INSTANCE_PROFILES -> name -> IamCleanup.deleteInstanceProfile(iam, name);
            case ROLES -> name -> IamCleanup.deleteRole(iam, name);
            case USERS -> name -> IamCleanup.deleteUser(iam, name);
            case GROUPS -> name -> IamCleanup.deleteGroup(iam, name);
            case POLICIES -> arn -> IamCleanup.deletePolicy(iam, arn);
            case BUCKETS -> name -> emptyAndDelete(clients.s3(admin), name);
            case TABLES -> deleteTable(clients.dynamodb(admin));
            case FUNCTIONS -> deleteFunction(clients.lambda(admin));
            case INSTANCES -> terminate(clients.ec2(admin));
          };
      Inventory.each(
          e.getValue(), delete, e.getKey().name().toLowerCase(java.util.Locale.ROOT), failed);
    }
    return failed;
  }

  private static void emptyAndDelete(S3Client s3, String bucket) {
    s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
        .forEach(o -> s3.deleteObject(r -> r.bucket(bucket).key(o.key())));
    s3.deleteBucket(r -> r.bucket(bucket));
  }

  private static Consumer<String> deleteTable(DynamoDbClient dynamodb) {
    return name -> dynamodb.deleteTable(r -> r.tableName(name));
  }

  private static Consumer<String> deleteFunction(LambdaClient lambda) {
    return name -> lambda.deleteFunction(r -> r.functionName(name));
  }

  private static Consumer<String> terminate(Ec2Client ec2) {
    return id -> ec2.terminateInstances(r -> r.instanceIds(id));
  }
}
