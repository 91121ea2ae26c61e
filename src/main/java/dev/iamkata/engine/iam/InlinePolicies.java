package dev.iamkata.engine.iam;

import static dev.iamkata.engine.iam.IamContext.limitExceeded;
import static dev.iamkata.engine.iam.IamContext.noSuchEntity;

import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.Entity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Inline policies of users, groups and roles: names matched without regard to case, documents kept
 * as sent, and the size quota counted over all of an entity's inline policies, without whitespace.
 */
final class InlinePolicies {
  private final IamContext ctx;

  InlinePolicies(IamContext ctx) {
    this.ctx = ctx;
  }

  /** How one kind of entity is named, found and limited. */
  record Kind(
      String word,
      String member,
      int maxName,
      int maxSize,
      BiFunction<Account, String, Entity> lookup) {}

  /** A found inline policy: the entity's and the policy's own spelling, the encoded document. */
  record Found(String entity, String policy, String document) {}

  private static String storedName(Entity entity, String policyName) {
    return entity.inlinePolicies.keySet().stream()
        .filter(n -> n.equalsIgnoreCase(policyName))
        .findFirst()
        .orElse(null);
  }

  private static String existing(Kind kind, Entity entity, String policyName) {
    String stored = storedName(entity, policyName);
    if (stored == null) {
      throw noSuchEntity(
          "The " + kind.word() + " policy with name " + policyName + " cannot be found.");
    }
    return stored;
  }

  void put(Caller caller, Kind kind, String name, String policyName, String document) {
    ctx.state.write(
        () -> {
          Entity entity = kind.lookup().apply(ctx.writable(caller), name);
          ctx.validator.validate(document, false);
          String stored = storedName(entity, policyName);
          int total = PolicyDocs.size(document);
          for (Map.Entry<String, String> e : entity.inlinePolicies.entrySet()) {
            if (!e.getKey().equals(stored)) {
              total += PolicyDocs.size(e.getValue());
            }
          }
          if (total > kind.maxSize()) {
            throw limitExceeded(
                "Maximum policy size of "
                    + kind.maxSize()
                    + " bytes exceeded for "
                    + kind.word()
                    + " "
                    + entity.name);
          }
          Map<String, String> policies = new LinkedHashMap<>();
          entity.inlinePolicies.forEach(
              (k, v) ->
                  policies.put(k.equals(stored) ? policyName : k, k.equals(stored) ? document : v));
          policies.putIfAbsent(policyName, document);
          entity.inlinePolicies = policies;
          return entity;
        });
  }

  Found get(Caller caller, Kind kind, String name, String policyName) {
    return ctx.state.read(
        () -> {
          Entity entity = kind.lookup().apply(ctx.readable(caller), name);
          String stored = existing(kind, entity, policyName);
          return new Found(
              entity.name, stored, PolicyDocs.encode(entity.inlinePolicies.get(stored)));
        });
  }

  Pages.Page<String> list(Caller caller, Kind kind, String name, String marker, Integer maxItems) {
    return ctx.state.read(
        () -> {
          Entity entity = kind.lookup().apply(ctx.readable(caller), name);
          return Pages.of(
              List.copyOf(entity.inlinePolicies.keySet()),
              n -> n.toLowerCase(java.util.Locale.ROOT),
              marker,
              maxItems);
        });
  }

  void delete(Caller caller, Kind kind, String name, String policyName) {
    ctx.state.write(
        () -> {
          Entity entity = kind.lookup().apply(ctx.writable(caller), name);
          return entity.inlinePolicies.remove(existing(kind, entity, policyName));
        });
  }
}
