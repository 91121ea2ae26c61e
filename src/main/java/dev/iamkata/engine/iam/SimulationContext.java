package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.SimulationOps.invalidInput;

import dev.iamkata.engine.policy.ContextValues;
import dev.iamkata.engine.policy.PrincipalIdentity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.model.ContextEntry;

/**
 * The simulator's condition keys: the {@code ContextEntries} a request supplies, validated as the
 * simulator validates them, and the keys it fills in from the simulated caller.
 */
final class SimulationContext {
  static final List<String> CONTEXT_KEY_TYPES =
      List.of(
          "string",
          "stringList",
          "numeric",
          "numericList",
          "boolean",
          "booleanList",
          "ip",
          "ipList",
          "binary",
          "binaryList",
          "date",
          "dateList");

  private static final Map<String, String> FORMATS =
      Map.of(
          "numeric", "numeric format",
          "date", "DateTime format",
          "ip", "IP address",
          "binary", "base-64 encoded binary format");

  private SimulationContext() {}

  /**
   * The request's {@code ContextEntries} as condition keys, checked the way the simulator checks
   * them: a name, a type, at least one value (exactly one for a scalar type), each value readable
   * as its type, no key twice.
   */
  static Map<String, List<String>> contextEntries(List<ContextEntry> entries) {
    Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (entries == null) {
      return keys;
    }
    for (ContextEntry entry : entries) {
      String name = entry.contextKeyName();
      List<String> values = entry.hasContextKeyValues() ? entry.contextKeyValues() : List.of();
      String type = entry.contextKeyTypeAsString();
      if (name == null && type == null && values.isEmpty()) {
        continue;
      }
      if (name == null || name.isEmpty()) {
        throw invalidInput("ContextKeyName cannot be null or empty.");
      }
      if (keys.containsKey(name)) {
        throw invalidInput("Duplicate context key: " + name + ".");
      }
      if (type == null) {
        throw invalidInput("Context key " + name + " has invalid type null.");
      }
      if (values.isEmpty()) {
        throw invalidInput("Context values for context key " + name + " cannot be null or empty.");
      }
      if (!type.endsWith("List") && values.size() != 1) {
        throw invalidInput(
            "Context key "
                + type
                + " expected a single value, but received "
                + values.size()
                + ".");
      }
      String base = type.endsWith("List") ? type.substring(0, type.length() - 4) : type;
      for (String value : values) {
        if (value == null || !ContextValues.valid(type, value)) {
          throw invalidInput(
              "Invalid context value for key " + name + ": expected " + FORMATS.get(base) + ".");
        }
      }
      keys.put(name, List.copyOf(values));
    }
    return keys;
  }

  /**
   * The keys the simulator fills in from the simulated caller, which {@code ContextEntries} may
   * override; a simulation without a caller has a stand-in user ID.
   */
  static Map<String, List<String>> defaults(PrincipalIdentity caller, String account) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    if (caller == null) {
      keys.put("aws:PrincipalAccount", List.of(account));
      keys.put("aws:userid", List.of(Simulation.STUB_USER_ID));
      return keys;
    }
    keys.put("aws:PrincipalArn", List.of(caller.arn()));
    keys.put("aws:PrincipalAccount", List.of(caller.account()));
    keys.put("aws:userid", List.of(caller.userId() != null ? caller.userId() : caller.arn()));
    keys.put("aws:username", List.of(caller.username()));
    return keys;
  }
}
