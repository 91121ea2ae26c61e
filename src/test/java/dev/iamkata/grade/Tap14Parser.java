package dev.iamkata.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict TAP 14 parser for tests: the version line, one plan per document (first or last), test
 * points numbered from 1 in order, {@code # SKIP}/{@code # TODO} directives, escaped {@code \#} and
 * {@code \\} in descriptions, YAML diagnostics right after a test point (two spaces in, {@code ---}
 * to {@code ...}, parsed as YAML), and subtests 4 spaces in, each closed by the test point that
 * sums it up, whose ok-ness must agree with the subtest. Anything else is an error.
 */
final class Tap14Parser {
  private static final Pattern PLAN = Pattern.compile("1\\.\\.(\\d+)(?:\\s+#\\s*(.*))?");
  private static final Pattern POINT = Pattern.compile("(not )?ok(?: (\\d+))?(?: -)?(?: (.*))?");
  private static final Pattern DIRECTIVE = Pattern.compile("(?i)(SKIP|TODO)\\S*(?:\\s+(.*))?");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** A parse failure, with the 1-based line. */
  static final class TapException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TapException(int line, String message) {
      super("line " + line + ": " + message);
    }
  }

  record Point(
      boolean ok,
      int number,
      String description,
      String directive,
      String reason,
      JsonNode diagnostics,
      Document subtest) {}

  record Document(int plan, String planComment, List<Point> points) {
    /** A document passes when its plan was met and no point is {@code not ok} without TODO. */
    boolean passed() {
      return points.size() == plan
          && points.stream().allMatch(p -> p.ok() || "TODO".equals(p.directive()));
    }
  }

  private final List<String> lines;
  private int pos;

  private Tap14Parser(String text) {
    if (!text.endsWith("\n")) {
      throw new TapException(1, "the stream must end with a newline");
    }
    this.lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }

  static Document parse(String text) {
    Tap14Parser p = new Tap14Parser(text);
    if (p.lines.isEmpty() || !p.lines.get(0).equals("TAP version 14")) {
      throw new TapException(1, "expected 'TAP version 14'");
    }
    p.pos = 1;
    Document doc = p.document("");
    if (p.pos != p.lines.size()) {
      throw new TapException(p.pos + 1, "unexpected line: " + p.lines.get(p.pos));
    }
    return doc;
  }

  private Document document(String indent) {
    Integer plan = null;
    String planComment = null;
    List<Point> points = new ArrayList<>();
    while (pos < lines.size()) {
      String raw = lines.get(pos);
      if (raw.isBlank()) {
        pos++;
        continue;
      }
      if (!raw.startsWith(indent)) {
        break;
      }
      String line = raw.substring(indent.length());
      if (line.startsWith(" ")) {
        if (line.startsWith("    ")) {
          Document sub = document(indent + "    ");
          Point closing = expectPoint(indent, points.size() + 1);
          if (closing.ok() != sub.passed() && closing.directive() == null) {
            throw new TapException(pos, "subtest result disagrees with its test point");
          }
          points.add(withSubtest(closing, sub));
          continue;
        }
        throw new TapException(pos + 1, "unexpected indentation: " + raw);
      }
      Matcher m;
      if ((m = PLAN.matcher(line)).matches()) {
        if (plan != null) {
          throw new TapException(pos + 1, "a second plan");
        }
        if (!points.isEmpty() && pos + 1 < lines.size() && nextIsPoint(indent)) {
          throw new TapException(pos + 1, "the plan must come first or last");
        }
        plan = Integer.parseInt(m.group(1));
        planComment = m.group(2);
        pos++;
      } else if (line.startsWith("#")) {
        pos++;
      } else if (POINT.matcher(line).matches()) {
        points.add(expectPoint(indent, points.size() + 1));
      } else if (line.startsWith("Bail out!")) {
        throw new TapException(pos + 1, "bailed out: " + line);
      } else {
        throw new TapException(pos + 1, "not TAP: " + line);
      }
    }
    if (plan == null) {
      throw new TapException(pos, "no plan");
    }
    return new Document(plan, planComment, List.copyOf(points));
  }

  private boolean nextIsPoint(String indent) {
    for (int i = pos + 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.startsWith(indent) && !l.substring(indent.length()).startsWith(" ")) {
        return POINT.matcher(l.substring(indent.length())).matches();
      }
    }
    return false;
  }

  private Point expectPoint(String indent, int expectedNumber) {
    String raw = pos < lines.size() ? lines.get(pos) : "";
    Matcher m = POINT.matcher(raw.startsWith(indent) ? raw.substring(indent.length()) : "");
    if (!m.matches()) {
      throw new TapException(pos + 1, "expected a test point: " + raw);
    }
    int number = m.group(2) == null ? expectedNumber : Integer.parseInt(m.group(2));
    if (number != expectedNumber) {
      throw new TapException(pos + 1, "test point " + number + ", expected " + expectedNumber);
    }
    String rest = m.group(3) == null ? "" : m.group(3);
    StringBuilder desc = new StringBuilder();
    String directive = null;
    String reason = null;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '\\' && i + 1 < rest.length()) {
        desc.append(rest.charAt(++i));
      } else if (c == '\\') {
        throw new TapException(pos + 1, "a lone backslash ends the description");
      } else if (c == '#') {
        Matcher d = DIRECTIVE.matcher(rest.substring(i + 1).strip());
        if (!d.matches()) {
          throw new TapException(pos + 1, "an unescaped # that is no directive: " + rest);
        }
        directive = d.group(1).toUpperCase(java.util.Locale.ROOT);
        reason = d.group(2);
        break;
      } else {
        desc.append(c);
      }
    }
    pos++;
    JsonNode diagnostics = diagnostics(indent + "  ");
    return new Point(
        m.group(1) == null, number, desc.toString().strip(), directive, reason, diagnostics, null);
  }

  private JsonNode diagnostics(String indent) {
    if (pos >= lines.size() || !lines.get(pos).equals(indent + "---")) {
      return null;
    }
    int start = ++pos;
    StringBuilder yaml = new StringBuilder();
    while (pos < lines.size() && !lines.get(pos).equals(indent + "...")) {
      String l = lines.get(pos);
      if (!l.startsWith(indent) && !l.isBlank()) {
        throw new TapException(pos + 1, "YAML block line not indented " + indent.length());
      }
      yaml.append(l.isBlank() ? "" : l.substring(indent.length())).append('\n');
      pos++;
    }
    if (pos >= lines.size()) {
      throw new TapException(start, "YAML block without '...'");
    }
    pos++;
    try {
      JsonNode node = YAML.readTree(yaml.toString());
      if (node == null || !node.isObject()) {
        throw new TapException(start, "YAML diagnostics must be a mapping");
      }
      return node;
    } catch (IOException e) {
      throw new TapException(start, "invalid YAML: " + e.getMessage());
    }
  }

  private static Point withSubtest(Point p, Document sub) {
    return new Point(
        p.ok(), p.number(), p.description(), p.directive(), p.reason(), p.diagnostics(), sub);
  }
}
