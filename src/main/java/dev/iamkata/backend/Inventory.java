package dev.iamkata.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

/**
 * The names of what exists on an endpoint that has no snapshots, per kind: IAM users, roles,
 * groups, customer-managed policies and instance profiles; S3 buckets; and, in the backend's
 * region, DynamoDB tables, Lambda functions and running EC2 instances. The external backend takes
 * one when it attaches; its reset deletes whatever a later inventory has beyond it.
 *
 * @param names kind to names (policies by ARN); a kind missing from the map could not be listed
 */
record Inventory(Map<Kind, Set<String>> names) {

  /** What an inventory lists, in the order a cleanup must delete it. */
  enum Kind {
    INSTANCE_PROFILES,
    ROLES,
    USERS,
    GROUPS,
    POLICIES,
    BUCKETS,
    TABLES,
    FUNCTIONS,
    INSTANCES
  }

  Inventory {
    names = Map.copyOf(names);
  }

  /** Lists everything; a kind whose listing fails (a service not served) is left out. */
  static Inventory take(AwsClients clients, AwsCredentials admin) {
    Map<Kind, Set<String>> out = new LinkedHashMap<>();
    IamClient iam = clients.iam(admin);
    list(out, Kind.USERS, () -> iam.listUsersPaginator().users().stream().map(u -> u.userName()));
    list(out, Kind.ROLES, () -> iam.listRolesPaginator().roles().stream().map(r -> r.roleName()));
    list(
        out,
        Kind.GROUPS,
        () -> iam.listGroupsPaginator().groups().stream().map(g -> g.groupName()));
    list(
        out,
        Kind.POLICIES,
        () ->
            iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.LOCAL)).policies().stream()
                .map(p -> p.arn()));
    list(
        out,
        Kind.INSTANCE_PROFILES,
        () ->
            iam.listInstanceProfilesPaginator().instanceProfiles().stream()
                .map(p -> p.instanceProfileName()));
    list(
        out,
        Kind.BUCKETS,
        () -> clients.s3(admin).listBuckets().buckets().stream().map(b -> b.name()));
    list(
        out,
        Kind.TABLES,
        () -> clients.dynamodb(admin).listTablesPaginator().tableNames().stream());
    list(
        out,
        Kind.FUNCTIONS,
        () ->
            clients.lambda(admin).listFunctionsPaginator().functions().stream()
                .map(f -> f.functionName()));
    list(
        out,
        Kind.INSTANCES,
        () ->
            clients
                .ec2(admin)
                .describeInstancesPaginator(
                    r ->
                        r.filters(
                            Filter.builder()
                                .name("instance-state-name")
                                .values("pending", "running", "stopping", "stopped")
                                .build()))
                .reservations()
                .stream()
                .flatMap(res -> res.instances().stream())
                .map(i -> i.instanceId()));
    return new Inventory(out);
  }

  private static void list(
      Map<Kind, Set<String>> out, Kind kind, Supplier<java.util.stream.Stream<String>> names) {
    try {
      Set<String> all = new LinkedHashSet<>();
      names.get().forEach(all::add);
      out.put(kind, all);
    } catch (SdkException notListed) {
      // the endpoint does not serve this kind (or refuses the admin): it is not tracked
    }
  }

  /** What {@code now} has beyond this inventory, per kind, for kinds both could list. */
  Map<Kind, List<String>> added(Inventory now) {
    Map<Kind, List<String>> out = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      Set<String> before = names.get(kind);
      Set<String> after = now.names.get(kind);
      if (before != null && after != null) {
        List<String> extra = new ArrayList<>(after);
        extra.removeAll(before);
        if (!extra.isEmpty()) {
          out.put(kind, extra);
        }
      }
    }
    return out;
  }

  /** Runs {@code delete} on each name, collecting failures as "kind name: message". */
  static void each(List<String> names, Consumer<String> delete, String kind, List<String> failed) {
    for (String name : names) {
      try {
        delete.accept(name);
      } catch (SdkException e) {
        failed.add(kind + " " + name + ": " + e.getMessage());
      }
    }
  }
}
