package dev.iamkata.engine.ec2;

import java.util.List;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.MemoryInfo;
import software.amazon.awssdk.services.ec2.model.ProcessorInfo;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.ec2.model.VCpuInfo;

/** The fixed parts of EC2: a small, realistic set of instance types and the regions. */
final class Catalog {
  private Catalog() {}

  /** name, vCPUs, cores, memory MiB, architecture, free tier, current generation */
  private record Type(
      String name, int vcpus, int cores, long memory, String arch, boolean free, boolean current) {}

  private static final List<Type> TYPES =
      List.of(
          new Type("t2.micro", 1, 1, 1024, "x86_64", true, true),
          new Type("t2.small", 1, 1, 2048, "x86_64", false, true),
          new Type("t3.micro", 2, 1, 1024, "x86_64", true, true),
          new Type("t3.small", 2, 1, 2048, "x86_64", false, true),
          new Type("t3.medium", 2, 1, 4096, "x86_64", false, true),
          new Type("t4g.micro", 2, 2, 1024, "arm64", false, true),
          new Type("m5.large", 2, 1, 8192, "x86_64", false, true),
          new Type("m5.xlarge", 4, 2, 16384, "x86_64", false, true),
          new Type("c5.large", 2, 1, 4096, "x86_64", false, true),
          new Type("r5.large", 2, 1, 16384, "x86_64", false, true));

  static final List<String> REGIONS =
      List.of(
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
          "ca-central-1",
          "eu-central-1",
          "eu-north-1",
          "eu-west-1",
          "eu-west-2",
          "eu-west-3",
          "sa-east-1",
          "us-east-1",
          "us-east-2",
          "us-west-1",
          "us-west-2");

  static List<InstanceTypeInfo> instanceTypes() {
    return TYPES.stream()
        .map(
            t ->
                InstanceTypeInfo.builder()
                    .instanceType(t.name())
                    .currentGeneration(t.current())
                    .freeTierEligible(t.free())
                    .supportedUsageClassesWithStrings("on-demand", "spot")
                    .supportedRootDeviceTypesWithStrings("ebs")
                    .supportedVirtualizationTypesWithStrings("hvm")
                    .bareMetal(false)
                    .hypervisor("nitro")
                    .processorInfo(
                        ProcessorInfo.builder()
                            .supportedArchitecturesWithStrings(t.arch())
                            .sustainedClockSpeedInGhz(t.arch().equals("arm64") ? 2.5 : 3.1)
                            .build())
                    .vCpuInfo(
                        VCpuInfo.builder()
                            .defaultVCpus(t.vcpus())
                            .defaultCores(t.cores())
                            .defaultThreadsPerCore(t.vcpus() / t.cores())
                            .build())
                    .memoryInfo(MemoryInfo.builder().sizeInMiB(t.memory()).build())
                    .instanceStorageSupported(false)
                    .burstablePerformanceSupported(t.name().startsWith("t"))
                    .hibernationSupported(!t.arch().equals("arm64"))
                    .build())
        .toList();
  }

  static boolean knownType(String name) {
    return TYPES.stream().anyMatch(t -> t.name().equals(name));
  }

  static List<Region> regions() {
    return REGIONS.stream()
        .map(
            r ->
                Region.builder()
                    .regionName(r)
                    .endpoint("ec2." + r + ".amazonaws.com")
                    .optInStatus("opt-in-not-required")
                    .build())
        .toList();
  }
}
