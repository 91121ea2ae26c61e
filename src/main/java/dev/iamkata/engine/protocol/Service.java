package dev.iamkata.engine.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service as the router sees it: the name it is signed with, its protocol and wire details, and
 * its routing table.
 *
 * @param signingName the service in the SigV4 credential scope, e.g. {@code iam}
 * @param protocol the codec shared by every operation of this service
 * @param xmlns the XML namespace of responses (query and ec2 protocols)
 * @param version the API version ({@code Version=} parameter)
 * @param globalRegion the only region a global service accepts in the credential scope (IAM: {@code
 *     us-east-1}), or null for regional services
 */
public record Service(
    String signingName,
    Protocol protocol,
    String xmlns,
    String version,
    String globalRegion,
    Map<String, Operation<?, ?>> operations) {

  /** Builds the table from rows, rejecting duplicate operation names. */
  public static Service of(
      String signingName,
      Protocol protocol,
      String xmlns,
      String version,
      String globalRegion,
      List<Operation<?, ?>> rows) {
    Map<String, Operation<?, ?>> table = new LinkedHashMap<>();
    for (Operation<?, ?> row : rows) {
      if (table.put(row.name(), row) != null) {
        throw new IllegalArgumentException("duplicate operation " + row.name());
      }
    }
    return new Service(signingName, protocol, xmlns, version, globalRegion, Map.copyOf(table));
  }

  /** Whether requests are signed and checked by S3's SigV4 rules. */
  public boolean s3() {
    return "s3".equals(signingName);
  }

  public Optional<Operation<?, ?>> operation(String name) {
    return Optional.ofNullable(operations.get(name));
  }
}
