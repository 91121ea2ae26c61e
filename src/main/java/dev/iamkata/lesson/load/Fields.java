package dev.iamkata.lesson.load;

import dev.iamkata.lesson.model.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Typed access to one YAML map for the binder: each getter records a problem (with the node's line
 * and column and what was expected) instead of throwing, and {@link #finish()} reports the keys
 * nobody asked for as unknown, with a "did you mean".
 */
final class Fields {
  private final Path file;
  private final List<Problem> problems;
  private final YamlNode.MapNode map;
  private final String what;
  private final List<String> known;
  private final Set<String> used = new HashSet<>();

  Fields(Path file, List<Problem> problems, YamlNode.MapNode map, String what, List<String> known) {
    this.file = file;
    this.problems = problems;
    this.map = map;
    this.what = what;
    this.known = known;
  }

  YamlNode.MapNode map() {
    return map;
  }

  void problem(YamlNode at, String message) {
    problems.add(new Problem(file, at.line(), at.column(), message));
  }

  void problem(int line, int column, String message) {
    problems.add(new Problem(file, line, column, message));
  }

  boolean has(String key) {
    return map.entries().containsKey(key);
  }

  /** The value of {@code key}, or null when absent. */
  YamlNode get(String key) {
    used.add(key);
    YamlNode.Entry e = map.entries().get(key);
    return e == null ? null : e.value();
  }

  YamlNode required(String key) {
    YamlNode v = get(key);
    if (v == null) {
      problem(map, "missing required key \"" + key + "\" in " + what);
    }
    return v;
  }

  String string(String key, boolean required) {
    YamlNode v = required ? required(key) : get(key);
    return v == null ? null : asString(key, v);
  }

  String asString(String key, YamlNode v) {
    if (v instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.STRING) {
      if (s.text().isBlank()) {
        problem(v, "\"" + key + "\": expected a non-empty string");
        return null;
      }
      return s.text();
    }
    problem(v, "\"" + key + "\": expected a string, found " + v.what());
    return null;
  }

  Integer integer(String key, int min, int max) {
    YamlNode v = get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.INTEGER) {
      long n = Long.parseLong(s.text());
      if (n < min || n > max) {
        problem(
            v, "\"" + key + "\": expected an integer from " + min + " to " + max + ", found " + n);
        return null;
      }
      return (int) n;
    }
    problem(v, "\"" + key + "\": expected an integer, found " + v.what());
    return null;
  }

  Boolean bool(String key) {
    YamlNode v = get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.BOOLEAN) {
      return Boolean.parseBoolean(s.text());
    }
    problem(v, "\"" + key + "\": expected true or false, found " + v.what());
    return null;
  }

  /** A list of strings (a missing key is an empty list). */
  List<String> strings(String key, boolean required) {
    YamlNode v = required ? required(key) : get(key);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!(v instanceof YamlNode.ListNode list)) {
      problem(v, "\"" + key + "\": expected a list of strings, found " + v.what());
      return out;
    }
    for (YamlNode item : list.items()) {
      String s = asString(key, item);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** The list under {@code key} (a missing key is an empty list). */
  List<YamlNode> list(String key, boolean required) {
    YamlNode v = required ? required(key) : get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof YamlNode.ListNode list) {
      if (required && list.items().isEmpty()) {
        problem(v, "\"" + key + "\": expected at least one item");
      }
      return list.items();
    }
    problem(v, "\"" + key + "\": expected a list, found " + v.what());
    return List.of();
  }

  /** A map value under {@code key}, or null (absent, or wrong type: a problem then). */
  YamlNode.MapNode mapOf(String key, boolean required) {
    YamlNode v = required ? required(key) : get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof YamlNode.MapNode m) {
      return m;
    }
    problem(v, "\"" + key + "\": expected a map, found " + v.what());
    return null;
  }

  /** An {@code {en, ja}} text; a missing translation is a problem. */
  Text text(String key, boolean required) {
    YamlNode v = required ? required(key) : get(key);
    return v == null ? null : asText(key, v);
  }

  Text asText(String key, YamlNode v) {
    if (!(v instanceof YamlNode.MapNode m)) {
      problem(v, "\"" + key + "\": expected a map {en: ..., ja: ...}, found " + v.what());
      return null;
    }
    Fields t = new Fields(file, problems, m, "\"" + key + "\"", List.of("en", "ja"));
    String en = translation(t, key, "en");
    String ja = translation(t, key, "ja");
    t.finish();
    return en == null || ja == null ? null : new Text(en, ja);
  }

  private String translation(Fields t, String key, String lang) {
    if (!t.has(lang)) {
      t.get(lang);
      problem(t.map, "\"" + key + "\" has no \"" + lang + "\" translation");
      return null;
    }
    return t.string(lang, true);
  }

  /** Reports every key no getter asked for. */
  void finish() {
    for (YamlNode.Entry e : map.entries().values()) {
      if (!used.contains(e.key())) {
        problem(e.line(), e.column(), Suggest.unknown("key", e.key(), what, known));
      }
    }
  }
}
