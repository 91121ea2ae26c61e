package dev.iamkata.engine.policy;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The entries of an Action, NotAction, Resource or NotResource element: an immutable list of the
 * entries as written, which also keeps each entry compiled, so that matching a request parses no
 * policy text. It equals any list of the same strings, so a {@link Statement} compares as before.
 */
final class Patterns extends AbstractList<String> implements RandomAccess {
  private static final Patterns NONE = new Patterns(new String[0], false);

  private final String[] entries;

  /** Each entry read as policy text without variables; for resources, segment by segment. */
  private final Glob[] globs;

  /** Whether an entry contains {@code ${}: in a 2012-10-17 policy it is resolved per request. */
  private final boolean[] variables;

  private Patterns(String[] entries, boolean resources) {
    this.entries = entries;
    this.globs = new Glob[entries.length];
    this.variables = new boolean[entries.length];
    for (int i = 0; i < entries.length; i++) {
      Glob glob = Glob.of(entries[i]);
      globs[i] = resources ? glob.withinSegments() : glob;
      variables[i] = entries[i].contains("${");
    }
  }

  static Patterns actions(List<String> entries) {
    return of(entries, false);
  }

  static Patterns resources(List<String> entries) {
    return of(entries, true);
  }

  private static Patterns of(List<String> entries, boolean resources) {
    if (entries.isEmpty()) {
      return NONE;
    }
    String[] copy = entries.toArray(new String[0]);
    for (String entry : copy) {
      Objects.requireNonNull(entry);
    }
    return new Patterns(copy, resources);
  }

  /** Whether any entry covers the action, ignoring case. */
  boolean anyCoversAction(String action) {
    for (Glob glob : globs) {
      if (glob.matches(action, true)) {
        return true;
      }
    }
    return false;
  }

  /** For Resource: whether some entry covers the resource. An unresolvable entry covers none. */
  boolean anyCoversResource(boolean variablesEnabled, RequestContext context) {
    for (int i = 0; i < entries.length; i++) {
      if (coversResource(i, variablesEnabled, context, false)) {
        return true;
      }
    }
    return false;
  }

  /**
   * For NotResource: whether no entry covers the resource. An entry whose variable cannot be
   * resolved counts as covering it: the request cannot be shown to lie outside the excluded
   * resources.
   */
  boolean noneCoversResource(boolean variablesEnabled, RequestContext context) {
    for (int i = 0; i < entries.length; i++) {
      if (coversResource(i, variablesEnabled, context, true)) {
        return false;
      }
    }
    return true;
  }

  private boolean coversResource(
      int i, boolean variablesEnabled, RequestContext context, boolean whenUnresolvable) {
    if (!variablesEnabled || !variables[i]) {
      return globs[i].matches(context.resource(), false);
    }
    return PolicyVariables.resolve(entries[i], true, context)
        .map(text -> text.glob().withinSegments().matches(context.resource(), false))
        .orElse(whenUnresolvable);
  }

  @Override
  public String get(int index) {
    return entries[index];
  }

  @Override
  public int size() {
    return entries.length;
  }
}
