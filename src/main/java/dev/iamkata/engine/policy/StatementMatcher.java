package dev.iamkata.engine.policy;

import java.util.Optional;

/**
 * Decides whether a statement's Action, Resource and Condition elements cover a request; the
 * Principal element is the resource layer's business. Actions match case-insensitively, resources
 * case-sensitively, both with {@code *} and {@code ?}.
 */
final class StatementMatcher {
  private StatementMatcher() {}

  /**
   * @param resourceLayer true when the statement belongs to the resource-based policy, where a
   *     statement without Resource (a trust policy's) covers the resource the policy is attached to
   */
  static boolean covers(
      Statement statement, Policy policy, RequestContext context, boolean resourceLayer) {
    boolean variables = policy.variablesEnabled();
    return actionMatches(statement, context.action())
        && resourceMatches(statement, variables, context, resourceLayer)
        && statement.conditions().stream()
            .allMatch(condition -> ConditionEvaluator.holds(condition, context, variables));
  }

  private static boolean actionMatches(Statement statement, String action) {
    if (!statement.actions().isEmpty()) {
      return statement.actions().stream().anyMatch(p -> Glob.of(p).matches(action, true));
    }
    return statement.notActions().stream().noneMatch(p -> Glob.of(p).matches(action, true));
  }

  /**
   * A NotResource entry whose variable cannot be resolved makes the statement not apply: the
   * request cannot be shown to lie outside the excluded resources.
   */
  private static boolean resourceMatches(
      Statement statement, boolean variables, RequestContext context, boolean resourceLayer) {
    if (!statement.resources().isEmpty()) {
      return statement.resources().stream()
          .anyMatch(p -> resourceEntry(p, variables, context).orElse(false));
    }
    if (!statement.notResources().isEmpty()) {
      return statement.notResources().stream()
          .noneMatch(p -> resourceEntry(p, variables, context).orElse(true));
    }
    // Trust policies name no resource: the role they are attached to is the resource. Anywhere
    // else a statement without one is a misplaced document, and covers nothing.
    return resourceLayer;
  }

  private static Optional<Boolean> resourceEntry(
      String pattern, boolean variables, RequestContext context) {
    return PolicyVariables.resolve(pattern, variables, context)
        .map(text -> text.glob().withinSegments().matches(context.resource(), false));
  }
}
