package dev.iamkata.shell;

import dev.iamkata.shell.Word.Literal;
import dev.iamkata.shell.Word.Part;
import dev.iamkata.shell.Word.Substitution;
import dev.iamkata.shell.Word.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands words as bash does: tilde, variables, command substitution, then field splitting of the
 * unquoted expansion results on blanks (no globbing: a {@code *} stays a {@code *}).
 */
final class Expander {

  /** Where values come from. */
  interface Context {
    /** A variable's value, or null when unset. */
    String lookup(String name);

    /** Runs a command substitution and returns its stdout. */
    String substitute(String command) throws InterruptedException;

    /** The home directory {@code ~} stands for. */
    String home();
  }

  private final Context context;

  Expander(Context context) {
    this.context = context;
  }

  /** The fields of {@code word} (zero for an unquoted empty expansion, several after splitting). */
  List<String> fields(Word word) throws InterruptedException {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean exists = false;
    List<Part> parts = tilde(word.parts());
    for (Part part : parts) {
      String value = value(part);
      if (part.quoted() || part instanceof Literal) {
        current.append(value);
        exists = true;
        continue;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n') {
          if (exists) {
            fields.add(current.toString());
            current.setLength(0);
            exists = false;
          }
        } else {
          current.append(c);
          exists = true;
        }
      }
    }
    if (exists) {
      fields.add(current.toString());
    }
    return fields;
  }

  /** The word as one string, without splitting (assignments, redirection targets, here-strings). */
  String single(Word word) throws InterruptedException {
    StringBuilder out = new StringBuilder();
    for (Part part : tilde(word.parts())) {
      out.append(value(part));
    }
    return out.toString();
  }

  private String value(Part part) throws InterruptedException {
    if (part instanceof Literal l) {
      return l.text();
    }
    if (part instanceof Variable v) {
      String value = context.lookup(v.name());
      boolean useFallback = value == null || (v.colon() && value.isEmpty());
      if (useFallback && v.fallback() != null) {
        return single(v.fallback());
      }
      return value == null ? "" : value;
    }
    String out = context.substitute(((Substitution) part).command());
    return out.replaceAll("\n+$", "");
  }

  /** {@code ~} or {@code ~/...} at the start of an unquoted word means the sandboxed home. */
  private List<Part> tilde(List<Part> parts) {
    if (parts.isEmpty() || !(parts.get(0) instanceof Literal first) || first.quoted()) {
      return parts;
    }
    String t = first.text();
    boolean alone = t.equals("~") && (parts.size() == 1 || parts.get(1).quoted());
    if (!(alone || t.startsWith("~/"))) {
      return parts;
    }
    List<Part> out = new ArrayList<>(parts);
    out.set(0, new Literal(context.home() + t.substring(1), true));
    return out;
  }
}
