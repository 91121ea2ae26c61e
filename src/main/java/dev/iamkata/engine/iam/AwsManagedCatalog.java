package dev.iamkata.engine.iam;

import dev.iamkata.engine.iam.managed.AwsManagedPolicies;
import dev.iamkata.engine.iam.managed.ManagedPolicyDefinition;
import java.util.List;
import java.util.Optional;

/** The engine's catalogue of AWS managed policies, as the IAM operations see them. */
final class AwsManagedCatalog implements AwsPolicyCatalog {
  static final AwsManagedCatalog INSTANCE = new AwsManagedCatalog();

  private AwsManagedCatalog() {}

  @Override
  public List<PolicyInfo> all() {
    return AwsManagedPolicies.all().stream().map(AwsManagedCatalog::info).toList();
  }

  @Override
  public Optional<PolicyInfo> byArn(String arn) {
    return AwsManagedPolicies.byArn(arn).map(AwsManagedCatalog::info);
  }

  static PolicyInfo info(ManagedPolicyDefinition def) {
    return new PolicyInfo(
        def.policyName(),
        def.policyId(),
        def.arn(),
        def.path(),
        def.defaultVersionId(),
        def.createDate(),
        def.updateDate(),
        def.description() == null || def.description().isEmpty() ? null : def.description(),
        def.documentJson(),
        true,
        !def.path().startsWith("/aws-service-role/"));
  }
}
