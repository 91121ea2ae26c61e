package dev.iamkata.engine.iam;

import java.util.List;
import java.util.Optional;

/** The AWS managed policies every account can read and attach, but not change. */
interface AwsPolicyCatalog {

  /** Every AWS managed policy. */
  List<PolicyInfo> all();

  /** The policy with this ARN ({@code arn:aws:iam::aws:policy/...}), if AWS has it. */
  Optional<PolicyInfo> byArn(String arn);

  /** A catalog without policies. */
  static AwsPolicyCatalog empty() {
    return of(List.of());
  }

  /** A catalog of the given policies. */
  static AwsPolicyCatalog of(List<PolicyInfo> policies) {
    return new AwsPolicyCatalog() {
      @Override
      public List<PolicyInfo> all() {
        return policies;
      }

      @Override
      public Optional<PolicyInfo> byArn(String arn) {
        return policies.stream().filter(p -> p.arn().equals(arn)).findFirst();
      }
    };
  }
}
