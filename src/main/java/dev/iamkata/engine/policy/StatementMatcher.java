package dev.iamkata.engine.policy;

import java.util.List;

/**
 * Decides whether a statement's Action, Resource and Condition elements cover a request; the
 * Principal element is the resource layer's business. Actions match case-insensitively, resources
 * case-sensitively, both with {@code *} and {@code ?}. The entries come compiled ({@link
 * Patterns}), so nothing here reads policy text again.
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
        && conditionsHold(statement.conditions(), context, variables);
  }

  private static boolean actionMatches(Statement statement, String action) {
    if (!statement.actions().isEmpty()) {
      return patterns(statement.actions()).anyCoversAction(action);
    }
    return !patterns(statement.notActions()).anyCoversAction(action);
  }

  /**
   * A NotResource entry whose variable cannot be resolved makes the statement not apply: the
   * request cannot be shown to lie outside the excluded resources.
   */
  private static boolean resourceMatches(
      Statement statement, boolean variables, RequestContext context, boolean resourceLayer) {
    if (!statement.resources().isEmpty()) {
      return patterns(statement.resources()).anyCoversResource(variables, context);
    }
    if (!statement.notResources().isEmpty()) {
      return patterns(statement.notResources()).noneCoversResource(variables, context);
    }
    // Trust policies name no resource: the role they are attached to is the resource. Anywhere
    // else a statement without one is a misplaced document, and covers nothing.
    return resourceLayer;
  }

  private static boolean conditionsHold(
      List<Condition> conditions, RequestContext context, boolean variables) {
    for (int i = 0; i < conditions.size(); i++) {
      if (!ConditionEvaluator.holds(conditions.get(i), context, variables)) {
        return false;
      }
    }
    return true;
  }

  /** A statement's element lists are always {@link Patterns}: its constructor makes them so. */
  private static Patterns patterns(List<String> entries) {
    return (Patterns) entries;
  }
}
