package dev.iamkata.engine.iam;

import dev.iamkata.engine.protocol.Operation;
import dev.iamkata.engine.state.EngineState;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM API of the engine: users and access keys, groups, roles, managed and inline policies,
 * permissions boundaries, tags, instance profiles, virtual MFA devices and the policy simulator, as
 * a routing table the dispatcher serves. Every handler works inside {@link EngineState#read} or
 * {@link EngineState#write}, stamps dates from the caller's request time, and fails with IAM's own
 * error codes and messages.
 */
public final class IamService {
  /** The XML namespace of IAM's responses. */
  public static final String XMLNS = "https://iam.amazonaws.com/doc/2010-05-08/";

  /** IAM's API version, the {@code Version} parameter of its requests. */
  public static final String VERSION = "2010-05-08";

  private final IamContext ctx;

  /** The service over {@code state}, with AWS's managed policies. */
  public IamService(EngineState state, PolicyValidator validator) {
    this(state, validator, AwsManagedCatalog.INSTANCE);
  }

  /** The service with another set of AWS managed policies (tests). */
  IamService(EngineState state, PolicyValidator validator, AwsPolicyCatalog awsPolicies) {
    this.ctx = new IamContext(state, validator, awsPolicies);
  }

  /** The routing table: one row per IAM operation, each authorized as {@code iam:<Name>}. */
  public List<Operation<?, ?>> operations() {
    List<Operation<?, ?>> rows = new ArrayList<>();
    rows.addAll(new UserOps(ctx).operations());
    rows.addAll(new AccessKeyOps(ctx).operations());
    rows.addAll(new MfaOps(ctx).operations());
    rows.addAll(new GroupOps(ctx).operations());
    rows.addAll(new RoleOps(ctx).operations());
    rows.addAll(new TagOps(ctx).operations());
    rows.addAll(new BoundaryOps(ctx).operations());
    rows.addAll(new PolicyOps(ctx).operations());
    rows.addAll(new PolicyVersionOps(ctx).operations());
    rows.addAll(new AttachmentOps(ctx).operations());
    rows.addAll(new PolicyEntitiesOps(ctx).operations());
    rows.addAll(new InlinePolicyOps(ctx).operations());
    rows.addAll(new InstanceProfileOps(ctx).operations());
    rows.addAll(new SimulationOps(ctx).operations());
    ConditionKeys keys = new ConditionKeys(ctx.state);
    return rows.stream()
        .<Operation<?, ?>>map(r -> r.withContext(keys.forOperation(r.name())))
        .toList();
  }
}
