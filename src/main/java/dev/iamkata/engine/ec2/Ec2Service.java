package dev.iamkata.engine.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.auth.Sealer;
import dev.iamkata.engine.authz.Authorizer;
import dev.iamkata.engine.clock.VirtualClock;
import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.protocol.Protocol;
import dev.iamkata.engine.protocol.Service;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.ServiceData;
import dev.iamkata.engine.sts.ServiceSessions;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.DescribeIamInstanceProfileAssociationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/**
 * EC2: fixed instance types and regions, a default VPC (three subnets, a default security group)
 * per account and region, and instances kept in memory. Describe* actions are authorized on {@code
 * *} (EC2 has no resource-level permissions for them); RunInstances on {@code instance/*}, and with
 * an instance profile also {@code iam:PassRole} on the profile's role.
 */
public final class Ec2Service {
  public static final String XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/";
  public static final String VERSION = "2016-11-15";

  private final Ec2Instances instances;

  public Ec2Service(EngineState state, Authorizer authorizer) {
    this.instances = new Ec2Instances(state, authorizer);
  }

  /** The instances in snapshots. */
  public ServiceData data() {
    return new ServiceData() {
      @Override
      public String name() {
        return "ec2";
      }

      @Override
      public JsonNode export(EngineState current) {
        return instances.export(current);
      }

      @Override
      public Runnable restore(JsonNode section, EngineState incoming) {
        return instances.restore(section, incoming);
      }
    };
  }

  /** The metadata service of this engine's instances (see {@link InstanceMetadata}). */
  public InstanceMetadata metadata(
      EngineState state, ServiceSessions sessions, Sealer sealer, VirtualClock clock) {
    return new InstanceMetadata(instances, state, sessions, sealer, clock);
  }

  /** The routing table, as a {@link Service} of the EC2 protocol. */
  public Service service(Protocol protocol) {
    List<Operation<?, ?>> rows =
        List.of(
            describe(
                "DescribeInstanceTypes",
                DescribeInstanceTypesRequest::builder,
                Ec2Catalogue::describeInstanceTypes),
            describe(
                "DescribeRegions", DescribeRegionsRequest::builder, Ec2Catalogue::describeRegions),
            describe("DescribeVpcs", DescribeVpcsRequest::builder, Ec2Network::describeVpcs),
            describe(
                "DescribeSubnets", DescribeSubnetsRequest::builder, Ec2Network::describeSubnets),
            describe(
                "DescribeSecurityGroups",
                DescribeSecurityGroupsRequest::builder,
                Ec2Network::describeSecurityGroups),
            describe(
                "DescribeInstances",
                DescribeInstancesRequest::builder,
                instances::describeInstances),
            describe(
                "DescribeIamInstanceProfileAssociations",
                DescribeIamInstanceProfileAssociationsRequest::builder,
                instances::describeAssociations),
            new Operation<RunInstancesRequest, RunInstancesResponse>(
                "RunInstances",
                "ec2:RunInstances",
                RunInstancesRequest::builder,
                (c, r) -> arn(c, "instance/*"),
                dryRun(instances::runInstances)),
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
                dryRun(instances::terminateInstances)));
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
}
