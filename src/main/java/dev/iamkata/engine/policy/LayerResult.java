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
    List<MatchedStatement> allows = new ArrayList<>();
    List<MatchedStatement> denies = new ArrayList<>();
    PrincipalMatch grant = PrincipalMatch.NONE;
    for (SourcedPolicy source : policies) {
      List<Statement> statements = source.policy().statements();
      for (int i = 0; i < statements.size(); i++) {
        Statement statement = statements.get(i);
        PrincipalMatch match =
            type == PolicyType.RESOURCE
                ? principalMatch(statement, context.principal(), boundary)
                : PrincipalMatch.DIRECT;
        if (match == PrincipalMatch.NONE
            || !StatementMatcher.covers(
                statement, source.policy(), context, type == PolicyType.RESOURCE)) {
          continue;
        }
        MatchedStatement matched =
            new MatchedStatement(source.sourceId(), type, i, statement.sid());
        if (statement.effect() == Effect.DENY) {
          denies.add(matched);
        } else {
          allows.add(matched);
          grant = match.compareTo(grant) > 0 ? match : grant;
        }
      }
    }
    return new LayerResult(allows, denies, grant);
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
