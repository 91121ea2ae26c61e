package dev.iamkata.engine.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What is being asked: the action, the resource, the caller and the condition keys of the request.
 * Key names are case-insensitive, as in AWS. The global keys that follow from the principal ({@code
 * aws:PrincipalArn}, {@code aws:userid}, {@code aws:PrincipalTag/…} and so on) are added here and
 * win over a caller-supplied value of the same name, so a request cannot claim another identity.
 * Time is never read from a clock: pass {@code aws:CurrentTime} in {@code keys}.
 *
 * @param action {@code service:Action}, for example {@code sts:AssumeRole}
 * @param resource the ARN the action targets, or {@code *}
 * @param principal the caller
 * @param keys every condition key of the request, including the derived global keys
 * @param derivedKeys true when the global keys were derived from the principal (and won over
 *     supplied ones); false for a {@link #simulated} request, whose keys are exactly those given
 */
public record RequestContext(
    String action,
    String resource,
    PrincipalIdentity principal,
    Map<String, List<String>> keys,
    boolean derivedKeys) {

  public RequestContext {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(principal, "principal");
    Map<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    (keys == null ? Map.<String, List<String>>of() : keys)
        .forEach((key, values) -> merged.put(key, List.copyOf(values)));
    if (derivedKeys) {
      merged.putAll(GlobalKeys.of(principal));
    }
    keys = Collections.unmodifiableMap(merged);
  }

  /** A request whose global keys follow from the principal, over any supplied value. */
  public RequestContext(
      String action, String resource, PrincipalIdentity principal, Map<String, List<String>> keys) {
    this(action, resource, principal, keys, true);
  }

  /**
   * A hypothetical request, as the IAM policy simulator evaluates one: the condition keys are
   * exactly {@code keys}, whatever the principal. The principal still decides which Principal
   * elements of a resource-based policy name the caller.
   */
  public static RequestContext simulated(
      String action, String resource, PrincipalIdentity principal, Map<String, List<String>> keys) {
    return new RequestContext(action, resource, principal, keys, false);
  }

  /** A request with only the keys derived from the principal. */
  public static RequestContext of(String action, String resource, PrincipalIdentity principal) {
    return new RequestContext(action, resource, principal, Map.of());
  }

  public static Builder builder(String action, String resource, PrincipalIdentity principal) {
    return new Builder(action, resource, principal);
  }

  /** The values of a key, empty when the request lacks it. */
  public List<String> values(String key) {
    return keys.getOrDefault(key, List.of());
  }

  /** Collects condition keys for a {@link RequestContext}. */
  public static final class Builder {
    private final String action;
    private final String resource;
    private final PrincipalIdentity principal;
    private final Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private Builder(String action, String resource, PrincipalIdentity principal) {
      this.action = action;
      this.resource = resource;
      this.principal = principal;
    }

    /** Sets a key; several values make it a multivalued key. */
    public Builder key(String name, String... values) {
      keys.put(name, Arrays.asList(values));
      return this;
    }

    public Builder key(String name, List<String> values) {
      keys.put(name, values);
      return this;
    }

    public RequestContext build() {
      return new RequestContext(action, resource, principal, keys);
    }
  }
}
