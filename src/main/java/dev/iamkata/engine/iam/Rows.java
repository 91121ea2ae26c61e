package dev.iamkata.engine.iam;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.protocol.Operation;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Builds routing-table rows whose request constraints are checked before anything else: in the
 * resource function, which the dispatcher calls before authorizing (AWS rejects a malformed request
 * before it looks at permissions), and again in the handler, which tests call directly.
 */
final class Rows {
  private Rows() {}

  /**
   * A row whose IAM action is {@code iam:} + its name, as for every IAM operation.
   *
   * @param check throws {@code ValidationError} for a request that breaks the model's constraints
   * @param resource the ARN to authorize, computed from a request that passed {@code check}
   */
  static <Q, R extends SdkPojo, B extends SdkBuilder<B, Q> & SdkPojo> Operation<Q, R> row(
      String name,
      Supplier<B> builder,
      BiConsumer<Caller, Q> check,
      BiFunction<Caller, Q, String> resource,
      BiFunction<Caller, Q, R> handler) {
    return new Operation<>(
        name,
        "iam:" + name,
        builder,
        (caller, request) -> {
          check.accept(caller, request);
          return resource.apply(caller, request);
        },
        (caller, request) -> {
          check.accept(caller, request);
          return handler.apply(caller, request);
        });
  }
}
