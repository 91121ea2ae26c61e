package dev.iamkata.engine.ec2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.InstanceProfile;
import dev.iamkata.engine.state.ServiceSections;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import software.amazon.awssdk.services.ec2.model.DescribeIamInstanceProfileAssociationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeIamInstanceProfileAssociationsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfile;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/**
 * The instances of every account and region, kept in memory: RunInstances (with {@code
 * iam:PassRole} on an instance profile's role), DescribeInstances, TerminateInstances and
 * DescribeIamInstanceProfileAssociations.
 */
final class Ec2Instances {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String EC2_SERVICE = "ec2.amazonaws.com";

  /** Instances in snapshots: every field of {@link StoredInstance}, times in ISO-8601. */
  private static final ObjectMapper SNAPSHOT =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
          .build();

  private final EngineState state;
  private final Authorizer authorizer;

  /**
   * Instances by account, then region, then ID; guarded by {@code this}. Keyed by the account
   * object itself: a reset or restore, which replaces the accounts, replaces the instances too.
   */
  private final Map<Account, Map<String, Map<String, StoredInstance>>> instances =
      new WeakHashMap<>();

  Ec2Instances(EngineState state, Authorizer authorizer) {
    this.state = state;
    this.authorizer = authorizer;
  }

  synchronized RunInstancesResponse runInstances(Caller caller, RunInstancesRequest r) {
    if (r.imageId() == null) {
      throw new AwsException(
          AwsError.MISSING_PARAMETER, "The request must contain the parameter ImageId");
    }
    String type = r.instanceTypeAsString() == null ? "m1.small" : r.instanceTypeAsString();
    if (r.instanceTypeAsString() != null && !Catalog.knownType(type)) {
      throw new AwsException(
          AwsError.INVALID_PARAMETER_VALUE, "Invalid value '" + type + "' for InstanceType.");
    }
    int min = r.minCount() == null ? 1 : r.minCount();
    int max = r.maxCount() == null ? min : r.maxCount();
    if (min < 1 || max < min) {
      throw new AwsException(
          AwsError.INVALID_PARAMETER_VALUE,
          "Value (" + min + ") for parameter minCount is invalid. Must be between 1 and " + max);
    }
    InstanceProfile profile = profile(caller, r.iamInstanceProfile());
    if (profile != null && !profile.roles.isEmpty()) {
      String roleArn = roleArn(caller, profile.roles.get(0));
      // AWS passes the receiving service, so PassRole grants may be limited to EC2
      authorizer.authorize(
          caller, "iam:PassRole", roleArn, Map.of("iam:PassedToService", List.of(EC2_SERVICE)));
    }
    int zone = 0;
    if (r.subnetId() != null) {
      zone = -1;
      for (int i = 0; i < Ec2Network.ZONES.length; i++) {
        if (Ec2Network.subnetId(caller, i).equals(r.subnetId())) {
          zone = i;
        }
      }
      if (zone < 0) {
        throw new AwsException(
            AwsError.INVALID_SUBNET_ID_NOT_FOUND,
            "The subnet ID '" + r.subnetId() + "' does not exist");
      }
    }
    String reservation = "r-" + randomHex(17);
    Instant now = caller.time().truncatedTo(ChronoUnit.SECONDS);
    List<Instance> out = new ArrayList<>();
    Map<String, StoredInstance> mine = instances(caller);
    for (int i = 0; i < max; i++) {
      StoredInstance inst = new StoredInstance();
      inst.id = "i-" + randomHex(17);
      inst.reservationId = reservation;
      inst.imageId = r.imageId();
      inst.type = type;
      inst.launched = now;
      inst.zone = caller.region() + Ec2Network.ZONES[zone];
      inst.subnetId = Ec2Network.subnetId(caller, zone);
      inst.vpcId = Ec2Network.vpcId(caller);
      inst.privateIp =
          "172.31." + (zone * 16 + 1 + RANDOM.nextInt(14)) + "." + (2 + RANDOM.nextInt(250));
      inst.groupId = Ec2Network.groupId(caller);
      inst.keyName = r.keyName();
      inst.tokensRequired =
          r.metadataOptions() != null
              && "required".equals(r.metadataOptions().httpTokensAsString());
      if (profile != null) {
        inst.profileArn = profile.arn;
        inst.profileId = profile.id;
        inst.associationId = "iip-assoc-" + randomHex(17);
      }
      mine.put(inst.id, inst);
      out.add(StoredInstance.instance(inst, true));
    }
    return RunInstancesResponse.builder()
        .reservationId(reservation)
        .ownerId(caller.account())
        .groups(
            GroupIdentifier.builder()
                .groupId(Ec2Network.groupId(caller))
                .groupName("default")
                .build())
        .instances(out)
        .build();
  }

  private InstanceProfile profile(Caller caller, IamInstanceProfileSpecification spec) {
    if (spec == null || (spec.name() == null && spec.arn() == null)) {
      return null;
    }
    return state.read(
        () -> {
          Account account = state.account(caller.account()).orElseThrow();
          for (InstanceProfile p : account.instanceProfiles.values()) {
            if ((spec.arn() != null && spec.arn().equals(p.arn))
                || (spec.arn() == null && spec.name().equals(p.name))) {
              return p;
            }
          }
          if (spec.arn() != null) {
            throw new AwsException(
                AwsError.INVALID_PARAMETER_VALUE,
                "Value ("
                    + spec.arn()
                    + ") for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance"
                    + " Profile ARN");
          }
          throw new AwsException(
              AwsError.INVALID_PARAMETER_VALUE,
              "Value ("
                  + spec.name()
                  + ") for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance"
                  + " Profile name");
        });
  }

  private String roleArn(Caller caller, String roleName) {
    return state.read(
        () ->
            state
                .account(caller.account())
                .map(a -> a.roles.get(Account.key(roleName)))
                .map(role -> role.arn)
                .orElse("arn:aws:iam::" + caller.account() + ":role/" + roleName));
  }

  synchronized DescribeInstancesResponse describeInstances(
      Caller caller, DescribeInstancesRequest r) {
    Map<String, StoredInstance> mine = instances(caller);
    if (r.hasInstanceIds()) {
      for (String id : r.instanceIds()) {
        if (!mine.containsKey(id)) {
          throw notFound(id);
        }
      }
    }
    Map<String, List<Instance>> byReservation = new LinkedHashMap<>();
    for (StoredInstance inst : mine.values()) {
      if ((r.hasInstanceIds() && !r.instanceIds().contains(inst.id))
          || !Ec2Filters.matches(
              r.filters(),
              Map.of(
                  "instance-id", inst.id,
                  "instance-state-name", inst.state,
                  "instance-type", inst.type,
                  "image-id", inst.imageId,
                  "vpc-id", inst.vpcId,
                  "subnet-id", inst.subnetId))) {
        continue;
      }
      byReservation
          .computeIfAbsent(inst.reservationId, k -> new ArrayList<>())
          .add(StoredInstance.instance(inst, false));
    }
    List<Reservation> reservations = new ArrayList<>();
    byReservation.forEach(
        (id, list) ->
            reservations.add(
                Reservation.builder()
                    .reservationId(id)
                    .ownerId(caller.account())
                    .groups(List.of())
                    .instances(list)
                    .build()));
    return DescribeInstancesResponse.builder().reservations(reservations).build();
  }

  synchronized TerminateInstancesResponse terminateInstances(
      Caller caller, TerminateInstancesRequest r) {
    if (!r.hasInstanceIds() || r.instanceIds().isEmpty()) {
      throw new AwsException(
          AwsError.MISSING_PARAMETER, "The request must contain the parameter InstanceId");
    }
    Map<String, StoredInstance> mine = instances(caller);
    for (String id : r.instanceIds()) {
      if (!mine.containsKey(id)) {
        throw notFound(id);
      }
    }
    List<InstanceStateChange> changes = new ArrayList<>();
    for (String id : r.instanceIds()) {
      StoredInstance inst = mine.get(id);
      if (!inst.state.equals("terminated")) {
        authorizer.authorize(
            caller, "ec2:TerminateInstances", Ec2Service.arn(caller, "instance/" + id));
      }
    }
    for (String id : r.instanceIds()) {
      StoredInstance inst = mine.get(id);
      String before = inst.state;
      inst.state = "terminated";
      inst.associationId = null;
      changes.add(
          InstanceStateChange.builder()
              .instanceId(id)
              .previousState(StoredInstance.state(before))
              .currentState(
                  StoredInstance.state(
                      before.equals("terminated") ? "terminated" : "shutting-down"))
              .build());
    }
    return TerminateInstancesResponse.builder().terminatingInstances(changes).build();
  }

  synchronized DescribeIamInstanceProfileAssociationsResponse describeAssociations(
      Caller caller, DescribeIamInstanceProfileAssociationsRequest r) {
    List<IamInstanceProfileAssociation> out = new ArrayList<>();
    for (StoredInstance inst : instances(caller).values()) {
      if (inst.associationId == null
          || (r.hasAssociationIds() && !r.associationIds().contains(inst.associationId))
          || !Ec2Filters.matches(
              r.filters(), Map.of("instance-id", inst.id, "state", "associated"))) {
        continue;
      }
      out.add(
          IamInstanceProfileAssociation.builder()
              .associationId(inst.associationId)
              .instanceId(inst.id)
              .iamInstanceProfile(
                  IamInstanceProfile.builder().arn(inst.profileArn).id(inst.profileId).build())
              .state("associated")
              .build());
    }
    return DescribeIamInstanceProfileAssociationsResponse.builder()
        .iamInstanceProfileAssociations(out)
        .build();
  }

  /**
   * A running (pending or running, not terminated) instance as the metadata service sees it.
   *
   * @param profileArn the instance profile's ARN, or null without one
   */
  record Running(
      String id,
      String account,
      String region,
      String zone,
      String type,
      String imageId,
      String privateIp,
      Instant launched,
      String profileArn,
      String profileId,
      boolean tokensRequired) {}

  /** The instances of {@code current}'s accounts as a snapshot section. */
  synchronized JsonNode export(EngineState current) {
    return ServiceSections.write(instances, current, SNAPSHOT::valueToTree);
  }

  /** Reads a snapshot section; the returned action replaces every instance with its instances. */
  Runnable restore(JsonNode section, EngineState incoming) {
    Map<Account, Map<String, Map<String, StoredInstance>>> read =
        ServiceSections.read(
            section,
            incoming,
            node -> {
              try {
                return SNAPSHOT.treeToValue(node, StoredInstance.class);
              } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                    "an EC2 instance in the snapshot: " + e.getOriginalMessage(), e);
              }
            },
            inst -> inst.id);
    return () -> {
      synchronized (this) {
        instances.clear();
        instances.putAll(read);
      }
    };
  }

  /** The instance {@code id} in any account and region, unless it is terminated. */
  synchronized Optional<Running> running(String id) {
    for (var account : instances.entrySet()) {
      for (var region : account.getValue().entrySet()) {
        StoredInstance inst = region.getValue().get(id);
        if (inst != null && !inst.state.equals("terminated")) {
          return Optional.of(
              new Running(
                  inst.id,
                  account.getKey().id,
                  region.getKey(),
                  inst.zone,
                  inst.type,
                  inst.imageId,
                  inst.privateIp,
                  inst.launched,
                  inst.associationId == null ? null : inst.profileArn,
                  inst.profileId,
                  inst.tokensRequired));
        }
      }
    }
    return Optional.empty();
  }

  private static AwsException notFound(String id) {
    if (!id.matches("i-[0-9a-f]{8}([0-9a-f]{9})?")) {
      return new AwsException(AwsError.INVALID_INSTANCE_ID_MALFORMED, "Invalid id: \"" + id + "\"");
    }
    return new AwsException(
        AwsError.INVALID_INSTANCE_ID_NOT_FOUND, "The instance ID '" + id + "' does not exist");
  }

  private Map<String, StoredInstance> instances(Caller caller) {
    Account account = state.read(() -> state.account(caller.account()).orElseThrow());
    return instances
        .computeIfAbsent(account, k -> new HashMap<>())
        .computeIfAbsent(caller.region(), k -> new LinkedHashMap<>());
  }

  private static String randomHex(int length) {
    byte[] bytes = new byte[(length + 1) / 2];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).substring(0, length);
  }
}
