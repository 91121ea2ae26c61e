package dev.iamkata.engine.ec2;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.clock.VirtualClock;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Protocol;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.InstanceProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeIamInstanceProfileAssociationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeIamInstanceProfileAssociationsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfile;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;

/**
 * EC2: fixed instance types and regions, a default VPC (three subnets, a default security group)
 * per account and region, and instances kept in memory. Describe* actions are authorized on {@code
 * *} (EC2 has no resource-level permissions for them); RunInstances on {@code instance/*}, and with
 * an instance profile also {@code iam:PassRole} on the profile's role.
 */
public final class Ec2Service {
  public static final String XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/";
  public static final String VERSION = "2016-11-15";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String[] ZONES = {"a", "b", "c"};

  private final EngineState state;
  private final Authorizer authorizer;
  private final VirtualClock clock;

  /**
   * Instances by account, then region, then ID; guarded by {@code this}. Keyed by the account
   * object itself, so a reset or restore, which replaces the accounts, starts with none.
   */
  private final Map<Account, Map<String, Map<String, Inst>>> instances = new WeakHashMap<>();

  /** One instance as the engine remembers it. */
  private static final class Inst {
    String id;
    String reservationId;
    String imageId;
    String type;
    Instant launched;
    String state = "running";
    String subnetId;
    String vpcId;
    String zone;
    String privateIp;
    String groupId;
    String keyName;
    String profileArn;
    String profileId;
    String associationId;
  }

  public Ec2Service(EngineState state, Authorizer authorizer, VirtualClock clock) {
    this.state = state;
    this.authorizer = authorizer;
    this.clock = clock;
  }

  /** The routing table, as a {@link Service} of the EC2 protocol. */
  public Service service(Protocol protocol) {
    List<Operation<?, ?>> rows =
        List.of(
            describe(
                "DescribeInstanceTypes",
                DescribeInstanceTypesRequest::builder,
                this::describeInstanceTypes),
            describe("DescribeRegions", DescribeRegionsRequest::builder, this::describeRegions),
            describe("DescribeVpcs", DescribeVpcsRequest::builder, this::describeVpcs),
            describe("DescribeSubnets", DescribeSubnetsRequest::builder, this::describeSubnets),
            describe(
                "DescribeSecurityGroups",
                DescribeSecurityGroupsRequest::builder,
                this::describeSecurityGroups),
            describe(
                "DescribeInstances", DescribeInstancesRequest::builder, this::describeInstances),
            describe(
                "DescribeIamInstanceProfileAssociations",
                DescribeIamInstanceProfileAssociationsRequest::builder,
                this::describeAssociations),
            new Operation<RunInstancesRequest, RunInstancesResponse>(
                "RunInstances",
                "ec2:RunInstances",
                RunInstancesRequest::builder,
                (c, r) -> arn(c, "instance/*"),
                dryRun(this::runInstances)),
            new Operation<TerminateInstancesRequest, TerminateInstancesResponse>(
                "TerminateInstances",
                "ec2:TerminateInstances",
                TerminateInstancesRequest::builder,
                (c, r) ->
                    arn(
                        c,
                        "instance/"
                            + (r.hasInstanceIds() && !r.instanceIds().isEmpty()
                                ? r.instanceIds().get(0)
                                : "*")),
                dryRun(this::terminateInstances)));
    return Service.of("ec2", protocol, XMLNS, VERSION, null, rows);
  }

  private static <Q, R extends SdkPojo> Operation<Q, R> describe(
      String name, Supplier<? extends SdkPojo> builder, BiFunction<Caller, Q, R> handler) {
    return new Operation<>(name, "ec2:" + name, builder, (c, r) -> "*", dryRun(handler));
  }

  /** Answers {@code DryRunOperation} once authorization has passed, when the request asks so. */
  private static <Q, R extends SdkPojo> BiFunction<Caller, Q, R> dryRun(
      BiFunction<Caller, Q, R> handler) {
    return (caller, request) -> {
      for (SdkField<?> f : ((SdkPojo) request).sdkFields()) {
        if (f.memberName().equals("DryRun") && Boolean.TRUE.equals(f.getValueOrDefault(request))) {
          throw new AwsException(
              AwsError.DRY_RUN_OPERATION, "Request would have succeeded, but DryRun flag is set.");
        }
      }
      return handler.apply(caller, request);
    };
  }

  static String arn(Caller caller, String resource) {
    return "arn:aws:ec2:" + caller.region() + ":" + caller.account() + ":" + resource;
  }

  // --- fixed and default resources

  private DescribeInstanceTypesResponse describeInstanceTypes(
      Caller caller, DescribeInstanceTypesRequest r) {
    List<InstanceTypeInfo> types = new ArrayList<>();
    for (InstanceTypeInfo t : Catalog.instanceTypes()) {
      if ((!r.hasInstanceTypes() || r.instanceTypesAsStrings().contains(t.instanceTypeAsString()))
          && matches(r.filters(), Map.of("instance-type", t.instanceTypeAsString()))) {
        types.add(t);
      }
    }
    if (r.hasInstanceTypes()) {
      for (String name : r.instanceTypesAsStrings()) {
        if (!Catalog.knownType(name)) {
          throw new AwsException(
              AwsError.INVALID_PARAMETER_VALUE,
              "The following supplied instance types do not exist: [" + name + "]");
        }
      }
    }
    return DescribeInstanceTypesResponse.builder().instanceTypes(types).build();
  }

  private DescribeRegionsResponse describeRegions(Caller caller, DescribeRegionsRequest r) {
    return DescribeRegionsResponse.builder()
        .regions(
            Catalog.regions().stream()
                .filter(x -> !r.hasRegionNames() || r.regionNames().contains(x.regionName()))
                .filter(x -> matches(r.filters(), Map.of("region-name", x.regionName())))
                .toList())
        .build();
  }

  private DescribeVpcsResponse describeVpcs(Caller caller, DescribeVpcsRequest r) {
    Vpc vpc =
        Vpc.builder()
            .vpcId(vpcId(caller))
            .ownerId(caller.account())
            .cidrBlock("172.31.0.0/16")
            .state("available")
            .dhcpOptionsId("dopt-" + hex(caller, "dopt", 17))
            .instanceTenancy("default")
            .isDefault(true)
            .cidrBlockAssociationSet(
                VpcCidrBlockAssociation.builder()
                    .associationId("vpc-cidr-assoc-" + hex(caller, "cidr", 17))
                    .cidrBlock("172.31.0.0/16")
                    .cidrBlockState(VpcCidrBlockState.builder().state("associated").build())
                    .build())
            .build();
    if (r.hasVpcIds()) {
      for (String id : r.vpcIds()) {
        if (!id.equals(vpc.vpcId())) {
          throw new AwsException(
              AwsError.INVALID_VPC_ID_NOT_FOUND, "The vpc ID '" + id + "' does not exist");
        }
      }
    }
    boolean keep =
        matches(
            r.filters(), Map.of("vpc-id", vpc.vpcId(), "is-default", "true", "state", "available"));
    return DescribeVpcsResponse.builder().vpcs(keep ? List.of(vpc) : List.of()).build();
  }

  private List<Subnet> subnets(Caller caller) {
    List<Subnet> out = new ArrayList<>();
    for (int i = 0; i < ZONES.length; i++) {
      String id = subnetId(caller, i);
      out.add(
          Subnet.builder()
              .subnetId(id)
              .subnetArn(arn(caller, "subnet/" + id))
              .vpcId(vpcId(caller))
              .ownerId(caller.account())
              .availabilityZone(caller.region() + ZONES[i])
              .availabilityZoneId(zoneId(caller.region(), i))
              .cidrBlock("172.31." + (i * 16) + ".0/20")
              .availableIpAddressCount(4091)
              .defaultForAz(true)
              .mapPublicIpOnLaunch(true)
              .state("available")
              .build());
    }
    return out;
  }

  private DescribeSubnetsResponse describeSubnets(Caller caller, DescribeSubnetsRequest r) {
    List<Subnet> out = new ArrayList<>();
    for (Subnet s : subnets(caller)) {
      if ((!r.hasSubnetIds() || r.subnetIds().contains(s.subnetId()))
          && matches(
              r.filters(),
              Map.of(
                  "vpc-id", s.vpcId(),
                  "subnet-id", s.subnetId(),
                  "availability-zone", s.availabilityZone(),
                  "default-for-az", "true"))) {
        out.add(s);
      }
    }
    return DescribeSubnetsResponse.builder().subnets(out).build();
  }

  private SecurityGroup defaultGroup(Caller caller) {
    String id = groupId(caller);
    return SecurityGroup.builder()
        .groupId(id)
        .groupName("default")
        .description("default VPC security group")
        .ownerId(caller.account())
        .vpcId(vpcId(caller))
        .securityGroupArn(arn(caller, "security-group/" + id))
        .ipPermissions(
            IpPermission.builder()
                .ipProtocol("-1")
                .userIdGroupPairs(
                    UserIdGroupPair.builder().groupId(id).userId(caller.account()).build())
                .build())
        .ipPermissionsEgress(
            IpPermission.builder()
                .ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                .build())
        .build();
  }

  private DescribeSecurityGroupsResponse describeSecurityGroups(
      Caller caller, DescribeSecurityGroupsRequest r) {
    SecurityGroup g = defaultGroup(caller);
    boolean keep =
        (!r.hasGroupIds() || r.groupIds().contains(g.groupId()))
            && (!r.hasGroupNames() || r.groupNames().contains(g.groupName()))
            && matches(
                r.filters(),
                Map.of("group-name", "default", "group-id", g.groupId(), "vpc-id", g.vpcId()));
    return DescribeSecurityGroupsResponse.builder()
        .securityGroups(keep ? List.of(g) : List.of())
        .build();
  }

  // --- instances

  private synchronized RunInstancesResponse runInstances(Caller caller, RunInstancesRequest r) {
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
      authorizer.authorize(caller, "iam:PassRole", roleArn);
    }
    int zone = 0;
    if (r.subnetId() != null) {
      zone = -1;
      for (int i = 0; i < ZONES.length; i++) {
        if (subnetId(caller, i).equals(r.subnetId())) {
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
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<Instance> out = new ArrayList<>();
    Map<String, Inst> mine = instances(caller);
    for (int i = 0; i < max; i++) {
      Inst inst = new Inst();
      inst.id = "i-" + randomHex(17);
      inst.reservationId = reservation;
      inst.imageId = r.imageId();
      inst.type = type;
      inst.launched = now;
      inst.zone = caller.region() + ZONES[zone];
      inst.subnetId = subnetId(caller, zone);
      inst.vpcId = vpcId(caller);
      inst.privateIp =
          "172.31." + (zone * 16 + 1 + RANDOM.nextInt(14)) + "." + (2 + RANDOM.nextInt(250));
      inst.groupId = groupId(caller);
      inst.keyName = r.keyName();
      if (profile != null) {
        inst.profileArn = profile.arn;
        inst.profileId = profile.id;
        inst.associationId = "iip-assoc-" + randomHex(17);
      }
      mine.put(inst.id, inst);
      out.add(instance(inst, true));
    }
    return RunInstancesResponse.builder()
        .reservationId(reservation)
        .ownerId(caller.account())
        .groups(GroupIdentifier.builder().groupId(groupId(caller)).groupName("default").build())
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

  private synchronized DescribeInstancesResponse describeInstances(
      Caller caller, DescribeInstancesRequest r) {
    Map<String, Inst> mine = instances(caller);
    if (r.hasInstanceIds()) {
      for (String id : r.instanceIds()) {
        if (!mine.containsKey(id)) {
          throw notFound(id);
        }
      }
    }
    Map<String, List<Instance>> byReservation = new LinkedHashMap<>();
    for (Inst inst : mine.values()) {
      if ((r.hasInstanceIds() && !r.instanceIds().contains(inst.id))
          || !matches(
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
          .add(instance(inst, false));
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

  private synchronized TerminateInstancesResponse terminateInstances(
      Caller caller, TerminateInstancesRequest r) {
    if (!r.hasInstanceIds() || r.instanceIds().isEmpty()) {
      throw new AwsException(
          AwsError.MISSING_PARAMETER, "The request must contain the parameter InstanceId");
    }
    Map<String, Inst> mine = instances(caller);
    for (String id : r.instanceIds()) {
      if (!mine.containsKey(id)) {
        throw notFound(id);
      }
    }
    List<InstanceStateChange> changes = new ArrayList<>();
    for (String id : r.instanceIds()) {
      Inst inst = mine.get(id);
      if (!inst.state.equals("terminated")) {
        authorizer.authorize(caller, "ec2:TerminateInstances", arn(caller, "instance/" + id));
      }
    }
    for (String id : r.instanceIds()) {
      Inst inst = mine.get(id);
      String before = inst.state;
      inst.state = "terminated";
      inst.associationId = null;
      changes.add(
          InstanceStateChange.builder()
              .instanceId(id)
              .previousState(state(before))
              .currentState(state(before.equals("terminated") ? "terminated" : "shutting-down"))
              .build());
    }
    return TerminateInstancesResponse.builder().terminatingInstances(changes).build();
  }

  private synchronized DescribeIamInstanceProfileAssociationsResponse describeAssociations(
      Caller caller, DescribeIamInstanceProfileAssociationsRequest r) {
    List<IamInstanceProfileAssociation> out = new ArrayList<>();
    for (Inst inst : instances(caller).values()) {
      if (inst.associationId == null
          || (r.hasAssociationIds() && !r.associationIds().contains(inst.associationId))
          || !matches(r.filters(), Map.of("instance-id", inst.id, "state", "associated"))) {
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

  private static Instance instance(Inst inst, boolean launching) {
    Instance.Builder b =
        Instance.builder()
            .instanceId(inst.id)
            .imageId(inst.imageId)
            .instanceType(inst.type)
            .launchTime(inst.launched)
            .state(state(launching ? "pending" : inst.state))
            .placement(Placement.builder().availabilityZone(inst.zone).tenancy("default").build())
            .architecture("x86_64")
            .rootDeviceType("ebs")
            .rootDeviceName("/dev/xvda")
            .virtualizationType("hvm")
            .hypervisor("xen")
            .amiLaunchIndex(0)
            .keyName(inst.keyName);
    if (!inst.state.equals("terminated")) {
      b.subnetId(inst.subnetId)
          .vpcId(inst.vpcId)
          .privateIpAddress(inst.privateIp)
          .privateDnsName("ip-" + inst.privateIp.replace('.', '-') + ".ec2.internal")
          .securityGroups(
              GroupIdentifier.builder().groupId(inst.groupId).groupName("default").build());
    }
    if (inst.profileArn != null) {
      b.iamInstanceProfile(
          IamInstanceProfile.builder().arn(inst.profileArn).id(inst.profileId).build());
    }
    return b.build();
  }

  private static InstanceState state(String name) {
    int code =
        switch (name) {
          case "pending" -> 0;
          case "running" -> 16;
          case "shutting-down" -> 32;
          case "terminated" -> 48;
          case "stopping" -> 64;
          default -> 80;
        };
    return InstanceState.builder().code(code).name(name).build();
  }

  private static AwsException notFound(String id) {
    if (!id.matches("i-[0-9a-f]{8}([0-9a-f]{9})?")) {
      return new AwsException(AwsError.INVALID_INSTANCE_ID_MALFORMED, "Invalid id: \"" + id + "\"");
    }
    return new AwsException(
        AwsError.INVALID_INSTANCE_ID_NOT_FOUND, "The instance ID '" + id + "' does not exist");
  }

  /** True when every filter has a value among the resource's values for that filter name. */
  private static boolean matches(List<Filter> filters, Map<String, String> values) {
    if (filters == null) {
      return true;
    }
    for (Filter f : filters) {
      String actual = values.get(f.name());
      if (actual == null || !f.hasValues()) {
        continue;
      }
      boolean any = false;
      for (String wanted : f.values()) {
        if (glob(wanted, actual)) {
          any = true;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  private Map<String, Inst> instances(Caller caller) {
    Account account = state.read(() -> state.account(caller.account()).orElseThrow());
    return instances
        .computeIfAbsent(account, k -> new HashMap<>())
        .computeIfAbsent(caller.region(), k -> new LinkedHashMap<>());
  }

  private static String vpcId(Caller caller) {
    return "vpc-" + hex(caller, "vpc", 17);
  }

  private static String subnetId(Caller caller, int zone) {
    return "subnet-" + hex(caller, "subnet" + zone, 17);
  }

  private static String groupId(Caller caller) {
    return "sg-" + hex(caller, "sg", 17);
  }

  private static String zoneId(String region, int zone) {
    String[] p = region.split("-");
    return p[0] + p[1].charAt(0) + p[2] + "-az" + (zone + 1);
  }

  /** Stable hex for the default network of the caller's account and region. */
  private static String hex(Caller caller, String kind, int length) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (caller.account() + "/" + caller.region() + "/" + kind)
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String randomHex(int length) {
    byte[] bytes = new byte[(length + 1) / 2];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).substring(0, length);
  }

  /** EC2 filter values: {@code *} any run of characters, {@code ?} one character. */
  private static boolean glob(String pattern, String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(
          c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
    }
    return value.matches(regex.toString());
  }
}
