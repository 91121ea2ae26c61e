package dev.iamkata.lesson.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s with the parser's token locations (1-based line and column).
 * Syntax errors and duplicate keys become {@link Problem}s.
 */
final class YamlTree {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final Path file;
  private final List<Problem> problems;

  YamlTree(Path file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The document's root, or null when it could not be read (a problem then says why). */
  YamlNode parse(String text) {
    try (JsonParser p = YAML.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.add(
            new Problem(file, 1, 1, "the file is empty: expected a map with id, title and steps"));
        return null;
      }
      return node(p);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String why = syntax(e.getOriginalMessage());
      problems.add(
          new Problem(
              file,
              at == null ? 1 : Math.max(1, at.getLineNr()),
              at == null ? 1 : Math.max(1, at.getColumnNr()),
              "YAML syntax error: " + why));
      return null;
    } catch (IOException e) {
      problems.add(new Problem(file, 1, 1, "cannot read: " + e.getMessage()));
      return null;
    }
  }

  /** SnakeYAML's message, reduced to its context and what it expected, on one line. */
  private static String syntax(String message) {
    List<String> lines = message == null ? List.of() : message.lines().toList();
    String context = lines.isEmpty() ? "bad YAML" : lines.get(0).trim();
    return lines.stream()
        .map(String::trim)
        .filter(
            l ->
                l.startsWith("expected") || l.startsWith("found") || l.startsWith("mapping values"))
        .findFirst()
        .map(l -> context + ": " + l)
        .orElse(context);
  }

  private YamlNode node(JsonParser p) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    int line = at.getLineNr();
    int col = at.getColumnNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        return map(p, line, col);
      case START_ARRAY:
        List<YamlNode> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(node(p));
        }
        return new YamlNode.ListNode(line, col, items);
      case VALUE_STRING:
        return new YamlNode.Scalar(line, col, YamlNode.Scalar.Type.STRING, p.getText());
      case VALUE_NUMBER_INT:
        return new YamlNode.Scalar(line, col, YamlNode.Scalar.Type.INTEGER, p.getText());
      case VALUE_NUMBER_FLOAT:
        return new YamlNode.Scalar(line, col, YamlNode.Scalar.Type.NUMBER, p.getText());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new YamlNode.Scalar(line, col, YamlNode.Scalar.Type.BOOLEAN, p.getText());
      default:
        return new YamlNode.Scalar(line, col, YamlNode.Scalar.Type.NULL, null);
    }
  }

  private YamlNode map(JsonParser p, int line, int col) throws IOException {
    Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      JsonLocation keyAt = p.currentTokenLocation();
      String key = p.currentName();
      p.nextToken();
      YamlNode value = node(p);
      YamlNode.Entry entry = new YamlNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value);
      YamlNode.Entry earlier = entries.putIfAbsent(key, entry);
      if (earlier != null) {
        problems.add(
            new Problem(
                file,
                entry.line(),
                entry.column(),
                "duplicate key \"" + key + "\" (first at line " + earlier.line() + ")"));
      }
    }
    return new YamlNode.MapNode(line, col, entries);
  }
}
