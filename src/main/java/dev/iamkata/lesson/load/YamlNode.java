package dev.iamkata.lesson.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its line and column, so the binder can say where
 * a problem is. Built by {@link YamlTree}.
 */
sealed interface YamlNode {
  int line();

  int column();

  /** How the node is called in messages: "a map", "a list", "a string", "an integer"... */
  String what();

  /** A mapping; keys keep the order and position they were written in. */
  record MapNode(int line, int column, Map<String, Entry> entries) implements YamlNode {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String what() {
      return "a map";
    }
  }

  /** One key of a mapping: where the key is written, and its value. */
  record Entry(String key, int line, int column, YamlNode value) {}

  /** A sequence. */
  record ListNode(int line, int column, List<YamlNode> items) implements YamlNode {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String what() {
      return "a list";
    }
  }

  /** A scalar with YAML's type for it. */
  record Scalar(int line, int column, Type type, String text) implements YamlNode {
    /** The YAML type of a scalar. */
    enum Type {
      STRING("a string"),
      INTEGER("an integer"),
      NUMBER("a number"),
      BOOLEAN("a boolean"),
      NULL("nothing (null)");

      final String what;

      Type(String what) {
        this.what = what;
      }
    }

    @Override
    public String what() {
      return type.what;
    }
  }
}
