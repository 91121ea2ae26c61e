package dev.iamkata.engine.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a policy. An element the document leaves out is an empty list or an empty
 * optional; the parser never produces a statement with both an element and its {@code Not} form.
 *
 * @param sid the {@code Sid}, or null
 * @param effect Allow or Deny
 * @param actions the {@code Action} patterns
 * @param notActions the {@code NotAction} patterns
 * @param resources the {@code Resource} patterns; empty in trust policies
 * @param notResources the {@code NotResource} patterns
 * @param principal the {@code Principal} element of trust and resource policies
 * @param notPrincipal the {@code NotPrincipal} element
 * @param conditions the {@code Condition} block, one entry per operator and key; all must hold
 */
public record Statement(
    String sid,
    Effect effect,
    List<String> actions,
    List<String> notActions,
    List<String> resources,
    List<String> notResources,
    Optional<Principals> principal,
    Optional<Principals> notPrincipal,
    List<Condition> conditions) {

  public Statement {
    Objects.requireNonNull(effect, "effect");
    // Immutable copies that also keep each entry compiled for matching.
    actions = Patterns.actions(actions);
    notActions = Patterns.actions(notActions);
    resources = Patterns.resources(resources);
    notResources = Patterns.resources(notResources);
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(notPrincipal, "notPrincipal");
    conditions = List.copyOf(conditions);
  }
}
