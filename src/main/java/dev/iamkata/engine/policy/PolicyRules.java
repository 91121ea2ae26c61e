package dev.iamkata.engine.policy;

import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The rules that depend on where a policy is used, run in the order IAM reports them so that a
 * document with several mistakes gets the message AWS would give first.
 */
final class PolicyRules {
  private PolicyRules() {}

  static void check(Policy policy, PolicyKind kind) {
    if (kind == PolicyKind.TRUST) {
      each(policy, kind, PolicyRules::trustStatement);
      uniqueSids(policy, kind);
      return;
    }
    // Identity policies cannot get here with a principal: the statement parser refuses them.
    if (kind == PolicyKind.RESOURCE) {
      each(policy, kind, PolicyRules::hasPrincipal);
    }
    uniqueSids(policy, kind);
    each(policy, kind, PolicyRules::hasActions);
    each(policy, kind, PolicyRules::hasResources);
    each(policy, kind, ElementSyntax::resources);
    each(policy, kind, ElementSyntax::actions);
  }

  private static void each(Policy policy, PolicyKind kind, BiConsumer<Statement, PolicyKind> rule) {
    policy.statements().forEach(statement -> rule.accept(statement, kind));
  }

  private static void trustStatement(Statement statement, PolicyKind kind) {
    if (statement.notPrincipal().isPresent()) {
      throw (statement.effect() == Effect.ALLOW
              ? Problem.ALLOW_WITH_NOT_PRINCIPAL
              : Problem.TRUST_NOT_PRINCIPAL)
          .in(kind);
    }
    hasPrincipal(statement, kind);
    hasActions(statement, kind);
    ElementSyntax.trustActions(statement, kind);
    if (!statement.resources().isEmpty()) {
      throw Problem.TRUST_RESOURCE.in(kind);
    }
    if (!statement.notResources().isEmpty()) {
      throw Problem.TRUST_NOT_RESOURCE.in(kind);
    }
  }

  private static void hasPrincipal(Statement statement, PolicyKind kind) {
    if (statement.principal().isEmpty() && statement.notPrincipal().isEmpty()) {
      throw Problem.MISSING_PRINCIPAL.in(kind);
    }
  }

  private static void hasActions(Statement statement, PolicyKind kind) {
    if (statement.actions().isEmpty() && statement.notActions().isEmpty()) {
      throw Problem.MISSING_ACTIONS.in(kind);
    }
  }

  private static void hasResources(Statement statement, PolicyKind kind) {
    if (statement.resources().isEmpty() && statement.notResources().isEmpty()) {
      throw Problem.MISSING_RESOURCES.in(kind);
    }
  }

  // An empty Sid is the same as none: IAM only compares Sids that are set.
  private static void uniqueSids(Policy policy, PolicyKind kind) {
    Set<String> seen = new HashSet<>();
    for (Statement statement : policy.statements()) {
      String sid = statement.sid();
      if (sid != null && !sid.isEmpty() && !seen.add(sid)) {
        throw Problem.DUPLICATE_SID.in(kind);
      }
    }
  }
}
