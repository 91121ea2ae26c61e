package dev.iamkata.engine.ec2;

import java.time.Instant;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfile;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.Placement;

/**
 * One instance as the engine remembers it, mutable and guarded by the {@link Ec2Instances} that
 * holds it, and its SDK view.
 */
final class StoredInstance {
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

  /** {@code MetadataOptions.HttpTokens=required}: the metadata service answers IMDSv2 only. */
  boolean tokensRequired;

  static Instance instance(StoredInstance inst, boolean launching) {
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

  static InstanceState state(String name) {
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
}
