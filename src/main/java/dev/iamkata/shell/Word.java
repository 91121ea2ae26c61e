package dev.iamkata.shell;

import java.util.List;

/**
 * One shell word as the lexer read it: literal pieces, variable references and command
 * substitutions, each marked quoted or not (only unquoted expansions are split into fields).
 *
 * @param parts the pieces in order
 * @param source the word as typed, for messages
 */
record Word(List<Part> parts, String source) {

  Word {
    parts = List.copyOf(parts);
  }

  /** A piece of a word. */
  sealed interface Part permits Literal, Variable, Substitution {
    boolean quoted();
  }

  /** Text taken as is ({@code quoted} when it came from quotes or a backslash escape). */
  record Literal(String text, boolean quoted) implements Part {}

  /**
   * {@code $NAME}, {@code ${NAME}} or {@code ${NAME:-default}}.
   *
   * @param fallback the word used when the variable is unset (or empty, with {@code colon}); null
   *     for none
   */
  record Variable(String name, Word fallback, boolean colon, boolean quoted) implements Part {}

  /** {@code $(...)} or {@code `...`}: the inner command line, run through the same shell. */
  record Substitution(String command, boolean quoted) implements Part {}

  /** The assignment name when this word reads {@code NAME=...} with an unquoted name, else null. */
  String assignmentName() {
    if (parts.isEmpty() || !(parts.get(0) instanceof Literal first) || first.quoted()) {
      return null;
    }
    int eq = first.text().indexOf('=');
    if (eq <= 0 || !Names.isName(first.text().substring(0, eq))) {
      return null;
    }
    return first.text().substring(0, eq);
  }

  /** The value side of an assignment word (everything after the first {@code =}). */
  Word assignmentValue() {
    Literal first = (Literal) parts.get(0);
    String rest = first.text().substring(first.text().indexOf('=') + 1);
    List<Part> value = new java.util.ArrayList<>();
    if (!rest.isEmpty()) {
      value.add(new Literal(rest, false));
    }
    value.addAll(parts.subList(1, parts.size()));
    return new Word(value, source.substring(source.indexOf('=') + 1));
  }
}
