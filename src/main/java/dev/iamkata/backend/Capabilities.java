package dev.iamkata.backend;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a backend enforces, and for each missing capability why (for the learner's report).
 *
 * @param supported the capabilities the backend has
 * @param services the AWS services it serves (signing names: iam, sts, s3, dynamodb, ...)
 * @param reasons why a capability is missing, keyed by the missing capability
 */
public record Capabilities(
    Set<Capability> supported, Set<String> services, Map<Capability, String> reasons) {

  public Capabilities {
    supported = supported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supported));
    services = Set.copyOf(services);
    reasons = Map.copyOf(new TreeMap<>(reasons));
  }

  /** Every capability, for the given services. */
  public static Capabilities all(Set<String> services) {
    return new Capabilities(EnumSet.allOf(Capability.class), services, Map.of());
  }

  public boolean has(Capability capability) {
    return supported.contains(capability);
  }

  public boolean serves(String service) {
    return services.contains(service);
  }
}
