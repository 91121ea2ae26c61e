package dev.iamkata.engine.ec2;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;

/** DescribeInstanceTypes and DescribeRegions, answered from the fixed {@link Catalog}. */
final class Ec2Catalogue {
  private Ec2Catalogue() {}

  static DescribeInstanceTypesResponse describeInstanceTypes(
      Caller caller, DescribeInstanceTypesRequest r) {
    List<InstanceTypeInfo> types = new ArrayList<>();
    for (InstanceTypeInfo t : Catalog.instanceTypes()) {
      if ((!r.hasInstanceTypes() || r.instanceTypesAsStrings().contains(t.instanceTypeAsString()))
          && Ec2Filters.matches(r.filters(), Map.of("instance-type", t.instanceTypeAsString()))) {
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

  static DescribeRegionsResponse describeRegions(Caller caller, DescribeRegionsRequest r) {
    return DescribeRegionsResponse.builder()
        .regions(
            Catalog.regions().stream()
                .filter(x -> !r.hasRegionNames() || r.regionNames().contains(x.regionName()))
                .filter(x -> Ec2Filters.matches(r.filters(), Map.of("region-name", x.regionName())))
                .toList())
        .build();
  }
}
