package dev.iamkata.engine.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one policy layer that apply to a request.
 *
 * @param allows the applicable Allow statements
 * @param denies the applicable Deny statements
 * @param grant for the resource layer, the strongest way an applicable Allow names the caller
 */
record LayerResult(
    List<MatchedStatement> allows, List<MatchedStatement> denies, PrincipalMatch grant) {

  LayerResult {
    allows = List.copyOf(allows);
    denies = List.copyOf(denies);
  }

  boolean allowed() {
    return !allows.isEmpty();
  }

  /**
   * Evaluates the policies of one layer. In the resource layer a statement must also name the
   * caller; a Deny with NotPrincipal applies to any caller with a permissions boundary, as the
   * boundaries page of the IAM guide warns.
   */
  static LayerResult of(
      PolicyType type, List<SourcedPolicy> policies, RequestContext context, boolean boundary) {
    if (policies.isEmpty()) {
      return NONE;
    }
    List<MatchedStatement> allows = List.of();
    List<MatchedStatement> denies = List.of();
    PrincipalMatch grant = PrincipalMatch.NONE;
    boolean resourceLayer = type == PolicyType.RESOURCE;
    for (int p = 0; p < policies.size(); p++) {
      SourcedPolicy source = policies.get(p);
      List<Statement> statements = source.policy().statements();
      for (int i = 0; i < statements.size(); i++) {
        Statement statement = statements.get(i);
        PrincipalMatch match =
            resourceLayer
                ? principalMatch(statement, context.principal(), boundary)
                : PrincipalMatch.DIRECT;
        if (match == PrincipalMatch.NONE
            || !StatementMatcher.covers(statement, source.policy(), context, resourceLayer)) {
          continue;
        }
        MatchedStatement matched =
            new MatchedStatement(source.sourceId(), type, i, statement.sid());
        if (statement.effect() == Effect.DENY) {
          denies = added(denies, matched);
        } else {
          allows = added(allows, matched);
          grant = match.compareTo(grant) > 0 ? match : grant;
        }
      }
    }
    return new LayerResult(allows, denies, grant);
  }

  /** No policies, so no applicable statements. */
  private static final LayerResult NONE =
      new LayerResult(List.of(), List.of(), PrincipalMatch.NONE);

  /**
   * Appends to a list that starts as the shared empty list, so layers that match nothing cost
   * nothing.
   */
  private static List<MatchedStatement> added(List<MatchedStatement> list, MatchedStatement item) {
    List<MatchedStatement> grown = list.isEmpty() ? new ArrayList<>() : list;
    grown.add(item);
    return grown;
  }

  private static PrincipalMatch principalMatch(
      Statement statement, PrincipalIdentity caller, boolean boundary) {
    if (statement.principal().isPresent()) {
      return PrincipalMatcher.match(statement.principal().get(), caller);
    }
    if (statement.notPrincipal().isPresent()) {
      boolean boundaryOverride = statement.effect() == Effect.DENY && boundary;
      boolean spared = PrincipalMatcher.exempt(statement.notPrincipal().get(), caller);
      return boundaryOverride || !spared ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
    }
    return PrincipalMatch.NONE;
  }
}
