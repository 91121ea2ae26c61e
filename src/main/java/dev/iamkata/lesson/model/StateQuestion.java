package dev.iamkata.lesson.model;

import java.util.Map;

/** A question a {@code state} check asks the backend, as the admin. */
public sealed interface StateQuestion {

  /** One line for reports. */
  String describe();

  /** Kinds of IAM entity. */
  enum Entity {
    USER("user-exists"),
    ROLE("role-exists"),
    POLICY("policy-exists"),
    GROUP("group-exists");

    public final String key;

    Entity(String key) {
      this.key = key;
    }
  }

  /** The entity exists ({@code policy-exists} takes an ARN or a customer-managed name). */
  record Exists(Entity entity, String name) implements StateQuestion {
    @Override
    public String describe() {
      return entity.key + " " + name;
    }
  }

  /** A managed policy is attached to a role, user or group. */
  record Attached(Entity entity, String name, String policyArn) implements StateQuestion {
    @Override
    public String describe() {
      return "attached "
          + policyArn
          + " to "
          + entity.name().toLowerCase(java.util.Locale.ROOT)
          + " "
          + name;
    }
  }

  /** The role's trust policy allows {@code principal} to call sts:AssumeRole. */
  record TrustAllows(String role, String principal) implements StateQuestion {
    @Override
    public String describe() {
      return "trust of " + role + " allows " + principal;
    }
  }

  /**
   * The policy simulator's decision for a principal, action and resource.
   *
   * @param decision {@code allowed}, {@code implicitDeny} or {@code explicitDeny}
   */
  record Simulate(
      String principal,
      String action,
      String resource,
      Map<String, String> context,
      String decision)
      implements StateQuestion {
    public Simulate {
      context = Map.copyOf(context);
    }

    @Override
    public String describe() {
      return action + " on " + resource + " by " + principal + " is " + decision;
    }
  }
}
