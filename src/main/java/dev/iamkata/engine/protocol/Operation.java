package dev.iamkata.engine.protocol;

import dev.iamkata.engine.auth.Caller;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One row of a service's routing table: the operation's name, how to make its SDK request builder,
 * which resource the caller must be allowed to act on, with which condition keys, and the handler.
 *
 * @param name the operation name as sent on the wire, e.g. {@code CreateRole}
 * @param action the IAM action that authorizes it, e.g. {@code iam:CreateRole}, or null when the
 *     operation needs no permission (GetCallerIdentity) or checks it itself (AssumeRole)
 * @param builder a fresh SDK request builder
 * @param resource the ARN the action applies to, computed from the caller and the request
 * @param handler the service logic, returning an SDK response object
 * @param context the operation's own condition keys (e.g. {@code iam:PolicyARN}) for the request
 */
public record Operation<Q, R extends SdkPojo>(
    String name,
    String action,
    Supplier<? extends SdkPojo> builder,
    BiFunction<Caller, Q, String> resource,
    BiFunction<Caller, Q, R> handler,
    BiFunction<Caller, Object, Map<String, List<String>>> context) {

  /** A row whose operation adds no condition keys of its own. */
  public Operation(
      String name,
      String action,
      Supplier<? extends SdkPojo> builder,
      BiFunction<Caller, Q, String> resource,
      BiFunction<Caller, Q, R> handler) {
    this(name, action, builder, resource, handler, (caller, request) -> Map.of());
  }

  /** The same row with {@code keys} as its condition keys. */
  public Operation<Q, R> withContext(BiFunction<Caller, Object, Map<String, List<String>>> keys) {
    return new Operation<>(name, action, builder, resource, handler, keys);
  }

  /** Applies the handler to a decoded request. */
  @SuppressWarnings("unchecked")
  public R handle(Caller caller, Object request) {
    return handler.apply(caller, (Q) request);
  }

  /** The resource ARN for a decoded request. */
  @SuppressWarnings("unchecked")
  public String resourceOf(Caller caller, Object request) {
    return resource.apply(caller, (Q) request);
  }

  /** The condition keys this request adds to the global ones. */
  public Map<String, List<String>> contextOf(Caller caller, Object request) {
    return context.apply(caller, request);
  }
}
