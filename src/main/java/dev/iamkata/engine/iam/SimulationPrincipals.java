package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.SimulationOps.invalidInput;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.policy.Policy;
import dev.iamkata.engine.policy.PolicyKind;
import dev.iamkata.engine.policy.PrincipalIdentity;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Entity;
import dev.iamkata.engine.state.Group;
import dev.iamkata.engine.state.Principal;
import dev.iamkata.engine.state.Role;
import dev.iamkata.engine.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The principals a simulation names: the policy source, whose policies are gathered the way the
 * engine's authorizer gathers a caller's (own inline and attached policies, for a user also its
 * groups', and the permissions boundary), and the {@code CallerArn}. Inline policies take the names
 * the simulator reports, {@code user_NAME_POLICY}, {@code group_NAME_POLICY} or {@code
 * role_NAME_POLICY}; a managed policy keeps its name. Callers hold the state's read lock.
 */
final class SimulationPrincipals {
  private static final Pattern ENTITY_ARN =
      Pattern.compile("arn:aws:iam::([0-9]{12}):(user|group|role)(/(?:.*/)?)([^/]+)");

  private final IamContext ctx;

  SimulationPrincipals(IamContext ctx) {
    this.ctx = ctx;
  }

  /** {@code CallerArn}: only an IAM user may be the simulated caller. */
  PrincipalIdentity callerArn(Caller c, String arn) {
    if (arn == null) {
      return null;
    }
    Matcher m = ENTITY_ARN.matcher(arn);
    if (!m.matches() || !m.group(2).equals("user")) {
      throw invalidInput("Invalid caller - Caller must be an IAM user in this context.");
    }
    Optional<User> user =
        Optional.ofNullable(ctx.state.accounts.get(m.group(1)))
            .flatMap(a -> IamContext.find(a.users, m.group(4)))
            .filter(u -> u.arn.equals(arn));
    return PrincipalIdentity.user(
        arn, user.map(u -> u.id).orElse(null), user.map(u -> u.tags).orElse(Map.of()));
  }

  /**
   * A principal's policies.
   *
   * @param user the source user as simulated caller, or null for a group or role
   */
  record Gathered(
      List<Simulation.Input> policies, Simulation.Input boundary, PrincipalIdentity user) {}

  Gathered gather(Caller c, String sourceArn) {
    Matcher m = ENTITY_ARN.matcher(sourceArn);
    if (!m.matches()) {
      throw invalidInput(
          "Invalid Entity Arn: " + sourceArn + " does not clearly define entity type and name.");
    }
    if (!m.group(1).equals(c.account())) {
      throw invalidInput(
          "Invalid Policy Source Arn: caller's account "
              + c.account()
              + " does not have access to policies in account "
              + m.group(1));
    }
    Account account = ctx.readable(c);
    String name = m.group(4);
    List<Simulation.Input> policies = new ArrayList<>();
    return switch (m.group(2)) {
      case "user" -> {
        User user = IamContext.user(account, name);
        entityPolicies(account, user, "user", policies);
        for (String groupName : user.groups) {
          IamContext.find(account.groups, groupName)
              .ifPresent(g -> entityPolicies(account, g, "group", policies));
        }
        yield new Gathered(
            policies,
            boundary(account, user),
            PrincipalIdentity.user(user.arn, user.id, user.tags));
      }
      case "group" -> {
        Group group = IamContext.group(account, name);
        entityPolicies(account, group, "group", policies);
        yield new Gathered(policies, null, null);
      }
      default -> {
        Role role = IamContext.role(account, name);
        entityPolicies(account, role, "role", policies);
        yield new Gathered(policies, boundary(account, role), null);
      }
    };
  }

  private void entityPolicies(
      Account account, Entity entity, String kind, List<Simulation.Input> out) {
    entity.inlinePolicies.forEach(
        (policyName, document) ->
            out.add(
                Simulation.Input.parse(
                    kind + "_" + entity.name + "_" + policyName,
                    Simulation.IAM_POLICY,
                    document,
                    PolicyKind.IDENTITY)));
    for (String arn : entity.attachedPolicies) {
      ctx.policy(account, arn)
          .ifPresent(
              info ->
                  out.add(
                      Simulation.Input.parse(
                          info.name(),
                          Simulation.IAM_POLICY,
                          info.document(),
                          PolicyKind.IDENTITY)));
    }
  }

  /** The principal's boundary; one whose policy is gone allows nothing, as in authorization. */
  private Simulation.Input boundary(Account account, Principal principal) {
    if (principal.permissionsBoundary == null) {
      return null;
    }
    String arn = principal.permissionsBoundary;
    return ctx.policy(account, arn)
        .map(
            info ->
                Simulation.Input.parse(
                    info.name(), Simulation.BOUNDARY_POLICY, info.document(), PolicyKind.IDENTITY))
        .orElseGet(
            () ->
                new Simulation.Input(
                    arn.substring(arn.lastIndexOf('/') + 1),
                    Simulation.BOUNDARY_POLICY,
                    new Policy(Policy.CURRENT_VERSION, List.of(), "{}")));
  }
}
