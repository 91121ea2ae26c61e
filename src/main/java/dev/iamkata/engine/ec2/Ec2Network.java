package dev.iamkata.engine.ec2;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockState;

/**
 * The default VPC of each account and region: one VPC, a subnet per zone and the default security
 * group. Nothing is stored; every ID is derived from the account and region, so it is the same on
 * every call and after a restart.
 */
final class Ec2Network {
  /** The zone suffixes of the default subnets, one subnet each. */
  static final String[] ZONES = {"a", "b", "c"};

  private Ec2Network() {}

  static DescribeVpcsResponse describeVpcs(Caller caller, DescribeVpcsRequest r) {
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
        Ec2Filters.matches(
            r.filters(), Map.of("vpc-id", vpc.vpcId(), "is-default", "true", "state", "available"));
    return DescribeVpcsResponse.builder().vpcs(keep ? List.of(vpc) : List.of()).build();
  }

  private static List<Subnet> subnets(Caller caller) {
    List<Subnet> out = new ArrayList<>();
    for (int i = 0; i < ZONES.length; i++) {
      String id = subnetId(caller, i);
      out.add(
          Subnet.builder()
              .subnetId(id)
              .subnetArn(Ec2Service.arn(caller, "subnet/" + id))
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

  static DescribeSubnetsResponse describeSubnets(Caller caller, DescribeSubnetsRequest r) {
    List<Subnet> out = new ArrayList<>();
    for (Subnet s : subnets(caller)) {
      if ((!r.hasSubnetIds() || r.subnetIds().contains(s.subnetId()))
          && Ec2Filters.matches(
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

  private static SecurityGroup defaultGroup(Caller caller) {
    String id = groupId(caller);
    return SecurityGroup.builder()
        .groupId(id)
        .groupName("default")
        .description("default VPC security group")
        .ownerId(caller.account())
        .vpcId(vpcId(caller))
        .securityGroupArn(Ec2Service.arn(caller, "security-group/" + id))
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

  static DescribeSecurityGroupsResponse describeSecurityGroups(
      Caller caller, DescribeSecurityGroupsRequest r) {
    SecurityGroup g = defaultGroup(caller);
    boolean keep =
        (!r.hasGroupIds() || r.groupIds().contains(g.groupId()))
            && (!r.hasGroupNames() || r.groupNames().contains(g.groupName()))
            && Ec2Filters.matches(
                r.filters(),
                Map.of("group-name", "default", "group-id", g.groupId(), "vpc-id", g.vpcId()));
    return DescribeSecurityGroupsResponse.builder()
        .securityGroups(keep ? List.of(g) : List.of())
        .build();
  }

  static String vpcId(Caller caller) {
    return "vpc-" + hex(caller, "vpc", 17);
  }

  static String subnetId(Caller caller, int zone) {
    return "subnet-" + hex(caller, "subnet" + zone, 17);
  }

  static String groupId(Caller caller) {
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
}
