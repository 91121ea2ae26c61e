package dev.iamkata.engine.authz;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.auth.SessionClaims;
import dev.iamkata.engine.iam.managed.AwsManagedPolicies;
import dev.iamkata.engine.iam.managed.ManagedPolicyDefinition;
import dev.iamkata.engine.policy.PolicyKind;
import dev.iamkata.engine.policy.PolicyType;
import dev.iamkata.engine.policy.PrincipalIdentity;
import dev.iamkata.engine.policy.SourcedPolicy;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.Entity;
import dev.iamkata.engine.state.Group;
import dev.iamkata.engine.state.ManagedPolicy;
import dev.iamkata.engine.state.Principal;
import dev.iamkata.engine.state.Role;
import dev.iamkata.engine.state.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that speaks for a caller in policy evaluation, read from the state: its identity,
 * identity-based policies (own and groups', inline and managed), permissions boundary and session
 * policies. Must be built under the state's read lock.
 *
 * @param sessionPolicies null when no session policies are in effect
 */
record CallerPolicies(
    PrincipalIdentity identity,
    List<SourcedPolicy> identityPolicies,
    SourcedPolicy boundary,
    List<SourcedPolicy> sessionPolicies) {

  /** Root has every permission in its account; the engine says so with one policy. */
  private static final String ROOT_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
          + "\"Resource\":\"*\"}]}";

  static CallerPolicies of(Caller caller, EngineState state, ParsedPolicies parsed) {
    Account account = state.account(caller.account()).orElse(new Account(caller.account()));
    Reader reader = new Reader(account, parsed);
    return switch (caller.type()) {
      case ROOT ->
          new CallerPolicies(
              PrincipalIdentity.root(caller.account()),
              List.of(reader.sourced("root", PolicyType.IDENTITY, ROOT_POLICY)),
              null,
              null);
      case USER, FEDERATED_USER -> {
        boolean federated = caller.type() == Caller.Type.FEDERATED_USER;
        User user = account.users.get(Account.key(caller.name()));
        if (user == null) {
          yield new CallerPolicies(
              PrincipalIdentity.user(caller.arn(), caller.userId(), Map.of()),
              List.of(),
              null,
              null);
        }
        List<SourcedPolicy> policies = reader.identityPolicies(user, "user");
        for (String groupName : user.groups) {
          Group group = account.groups.get(Account.key(groupName));
          if (group != null) {
            policies.addAll(reader.identityPolicies(group, "group"));
          }
        }
        // a federated session is the user's permissions narrowed by its session policies, which
        // are always in effect: none passed means no permissions
        yield new CallerPolicies(
            federated
                ? PrincipalIdentity.federatedUser(caller.account(), caller.session().sessionName())
                : PrincipalIdentity.user(user.arn, user.id, user.tags),
            policies,
            reader.boundary(user),
            federated ? reader.sessionPolicies(caller.session()) : null);
      }
      case ASSUMED_ROLE -> {
        SessionClaims session = caller.session();
        Role role =
            Optional.ofNullable(account.roles.get(Account.key(caller.name())))
                .filter(r -> r.id.equals(session.principalId()))
                .orElse(null);
        String roleArn =
            role != null ? role.arn : account.iamArn("role/" + session.principalName());
        Map<String, String> tags = new LinkedHashMap<>(role != null ? role.tags : Map.of());
        tags.putAll(session.tags());
        PrincipalIdentity identity =
            PrincipalIdentity.assumedRole(
                roleArn, session.principalId(), session.sessionName(), tags);
        // a deleted (or deleted and re-created) role leaves its old sessions with no permissions
        List<SourcedPolicy> policies =
            role == null ? List.of() : reader.identityPolicies(role, "role");
        yield new CallerPolicies(
            identity,
            policies,
            role == null ? null : reader.boundary(role),
            session.hasSessionPolicies() ? reader.sessionPolicies(session) : null);
      }
    };
  }

  /** Reads documents of one account. */
  private record Reader(Account account, ParsedPolicies parsed) {

    List<SourcedPolicy> identityPolicies(Entity entity, String kind) {
      List<SourcedPolicy> out = new ArrayList<>();
      entity.inlinePolicies.forEach(
          (name, doc) ->
              out.add(sourced(kind + "/" + entity.name + "/" + name, PolicyType.IDENTITY, doc)));
      for (String arn : entity.attachedPolicies) {
        managedDocument(arn).ifPresent(doc -> out.add(sourced(arn, PolicyType.IDENTITY, doc)));
      }
      return out;
    }

    SourcedPolicy boundary(Principal principal) {
      if (principal.permissionsBoundary == null) {
        return null;
      }
      // a boundary whose policy is gone allows nothing, rather than lifting the limit
      String doc =
          managedDocument(principal.permissionsBoundary)
              .orElse("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
      return sourced(principal.permissionsBoundary, PolicyType.BOUNDARY, doc);
    }

    List<SourcedPolicy> sessionPolicies(SessionClaims session) {
      List<SourcedPolicy> out = new ArrayList<>();
      for (String doc : session.sessionPolicies()) {
        out.add(sourced("session-policy", PolicyType.SESSION, doc));
      }
      for (String arn : session.policyArns()) {
        managedDocument(arn).ifPresent(doc -> out.add(sourced(arn, PolicyType.SESSION, doc)));
      }
      return out;
    }

    SourcedPolicy sourced(String id, PolicyType type, String json) {
      return new SourcedPolicy(id, type, parsed.parse(json, PolicyKind.IDENTITY));
    }

    Optional<String> managedDocument(String arn) {
      if (arn.startsWith("arn:aws:iam::aws:policy/")) {
        return AwsManagedPolicies.byArn(arn).map(ManagedPolicyDefinition::documentJson);
      }
      return account.policies.values().stream()
          .filter(p -> p.arn.equals(arn))
          .findFirst()
          .map(ManagedPolicy::defaultDocument);
    }
  }
}
