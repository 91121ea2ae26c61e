package dev.iamkata.engine.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The condition context keys a policy refers to, as IAM's {@code GetContextKeysForCustomPolicy}
 * lists them: every key a Condition tests and every key a policy variable reads, in the order they
 * first appear, each once (keys are case-insensitive, so the first spelling wins).
 *
 * <p>Within a statement, the variables of Resource and NotResource come before the Condition keys,
 * and each Condition key before the variables in its values. AWS's own example lists {@code
 * aws:username} (from {@code "Resource": "...table/${aws:username}"}) before {@code
 * aws:CurrentTime} (from the Condition). Variables count only where the policy has them: in a
 * Version 2012-10-17 document, and in the values of operators that take variables. {@code ${*}},
 * {@code ${?}} and {@code ${$}} are characters, not keys.
 */
public final class ContextKeys {
  private ContextKeys() {}

  /** The keys of one policy. */
  public static List<String> of(Policy policy) {
    return of(List.of(policy));
  }

  /** The keys of several policies, in order, without repeats. */
  public static List<String> of(Collection<Policy> policies) {
    Keys keys = new Keys();
    for (Policy policy : policies) {
      boolean variables = policy.variablesEnabled();
      for (Statement statement : policy.statements()) {
        if (variables) {
          statement.resources().forEach(keys::variablesOf);
          statement.notResources().forEach(keys::variablesOf);
        }
        for (Condition condition : statement.conditions()) {
          keys.add(condition.key());
          if (variables && condition.operator().base().kind().variables()) {
            condition.values().forEach(keys::variablesOf);
          }
        }
      }
    }
    return List.copyOf(keys.ordered);
  }

  /** The keys that {@code ${...}} variables in {@code text} read. */
  static List<String> variables(String text) {
    List<String> names = new ArrayList<>();
    int from = 0;
    while (true) {
      int start = text.indexOf("${", from);
      int end = start < 0 ? -1 : text.indexOf('}', start + 2);
      if (end < 0) {
        return names;
      }
      String inside = text.substring(start + 2, end);
      int comma = inside.indexOf(',');
      String key = (comma < 0 ? inside : inside.substring(0, comma)).trim();
      if (!key.isEmpty() && !key.equals("*") && !key.equals("?") && !key.equals("$")) {
        names.add(key);
      }
      from = end + 1;
    }
  }

  private static final class Keys {
    final List<String> ordered = new ArrayList<>();
    final Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    void add(String key) {
      if (seen.add(key)) {
        ordered.add(key);
      }
    }

    void variablesOf(String text) {
      variables(text).forEach(this::add);
    }
  }
}
