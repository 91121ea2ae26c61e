package dev.iamkata.engine.policy;

import java.util.List;

/**
 * The value of a {@code Principal} or {@code NotPrincipal} element: either the bare wildcard {@code
 * "*"} or lists of principals by kind.
 *
 * @param wildcard true for {@code "Principal": "*"}, which names everyone, anonymous callers too
 * @param aws the {@code AWS} entries: {@code "*"}, account IDs, or user, role, session and root
 *     ARNs
 * @param service the {@code Service} entries, such as {@code lambda.amazonaws.com}
 * @param federated the {@code Federated} entries: identity providers
 * @param canonicalUser the {@code CanonicalUser} entries
 */
public record Principals(
    boolean wildcard,
    List<String> aws,
    List<String> service,
    List<String> federated,
    List<String> canonicalUser) {

  /** {@code "Principal": "*"}. */
  public static final Principals ANYONE =
      new Principals(true, List.of(), List.of(), List.of(), List.of());

  public Principals {
    aws = List.copyOf(aws);
    service = List.copyOf(service);
    federated = List.copyOf(federated);
    canonicalUser = List.copyOf(canonicalUser);
  }
}
