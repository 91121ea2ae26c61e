package dev.iamkata.shell.aws.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code --output table}, a port of awscli's {@code TableFormatter} and {@code MultiTable}: a
 * titled section per object, scalar keys as sorted column headers, nested values as indented
 * sections, on an 80-column terminal (wider tables turned vertical, as the CLI does).
 */
public final class TableFormat {
  private static final int TERMINAL_WIDTH = 80;

  private static final class Section {
    String title = "";
    List<String> headers = new ArrayList<>();
    final List<List<String>> rows = new ArrayList<>();
    int indent;
    List<Integer> maxWidths = new ArrayList<>();

    void header(List<String> h) {
      update(h);
      headers = h;
    }

    void row(List<String> r) {
      rows.add(r);
      update(r);
    }

    private void update(List<String> r) {
      if (maxWidths.isEmpty()) {
        r.forEach(e -> maxWidths.add(e.length()));
      } else {
        for (int i = 0; i < r.size() && i < maxWidths.size(); i++) {
          maxWidths.set(i, Math.max(maxWidths.get(i), r.get(i).length()));
        }
      }
    }

    List<Integer> widths(int padding, Integer max) {
      List<Integer> unscaled = new ArrayList<>();
      maxWidths.forEach(w -> unscaled.add(w + padding));
      if (max == null || unscaled.isEmpty()) {
        return unscaled;
      }
      double factor = max / (double) unscaled.stream().mapToInt(Integer::intValue).sum();
      List<Integer> scaled = new ArrayList<>();
      unscaled.forEach(w -> scaled.add((int) Math.rint(factor * w)));
      int off = scaled.stream().mapToInt(Integer::intValue).sum() - max;
      while (off != 0) {
        int n = scaled.size();
        for (int k = 0; k < n; k++) {
          int i = off < 0 ? n - 1 - k : k;
          if (off > 0) {
            scaled.set(i, scaled.get(i) - 1);
            off--;
          } else {
            scaled.set(i, scaled.get(i) + 1);
            off++;
          }
          if (off == 0) {
            break;
          }
        }
      }
      return scaled;
    }

    int totalWidth() {
      int total = 0;
      for (int w : widths(0, null)) {
        total += w + 4;
      }
      total += 2 + 2 * indent;
      return Math.max(title.length() + 2 + 2 * indent, total);
    }
  }

  private final List<Section> sections = new ArrayList<>();
  private Section current;

  private TableFormat() {}

  /** The table for a response titled with the operation's name. */
  public static String format(String title, JsonNode data) {
    TableFormat t = new TableFormat();
    if (!t.build(title, data, 0)) {
      return "";
    }
    return t.render();
  }

  private void section(String title, int indent) {
    current = new Section();
    current.title = title;
    current.indent = indent;
    sections.add(current);
  }

  private boolean build(String title, JsonNode data, int indent) {
    if (data == null
        || data.isNull()
        || (data.isContainerNode() && data.isEmpty())
        || (data.isTextual() && data.textValue().isEmpty())) {
      return false;
    }
    if (title != null) {
      section(title, indent);
    }
    if (data.isArray()) {
      if (data.get(0).isObject()) {
        fromList(data, indent, title);
      } else {
        for (JsonNode item : data) {
          if (!item.isContainerNode()) {
            current.row(List.of(TextFormat.str(item)));
          } else if (allScalar(item)) {
            List<String> row = new ArrayList<>();
            item.forEach(e -> row.add(TextFormat.str(e)));
            current.row(row);
          } else {
            build(null, item, 0);
          }
        }
      }
    }
    if (data.isObject()) {
      fromDict(data, indent);
    }
    return true;
  }

  private static boolean allScalar(JsonNode item) {
    for (JsonNode e : item) {
      if (e.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private void fromDict(JsonNode data, int indent) {
    List<String> headers = new ArrayList<>();
    List<String> more = new ArrayList<>();
    group(data, headers, more);
    if (headers.size() == 1) {
      current.row(List.of(headers.get(0), TextFormat.str(data.get(headers.get(0)))));
    } else if (!headers.isEmpty()) {
      current.header(headers);
      List<String> row = new ArrayList<>();
      headers.forEach(h -> row.add(TextFormat.str(data.get(h))));
      current.row(row);
    }
    for (String key : more) {
      build(key, data.get(key), indent + 1);
    }
  }

  private void fromList(JsonNode data, int indent, String title) {
    TreeSet<String> headerSet = new TreeSet<>();
    TreeSet<String> moreSet = new TreeSet<>();
    for (JsonNode item : data) {
      List<String> h = new ArrayList<>();
      List<String> m = new ArrayList<>();
      group(item, h, m);
      headerSet.addAll(h);
      moreSet.addAll(m);
    }
    List<String> headers = new ArrayList<>(headerSet);
    current.header(headers);
    boolean first = true;
    for (JsonNode element : data) {
      if (!first && !moreSet.isEmpty()) {
        section(title, indent);
        current.header(headers);
      }
      first = false;
      List<String> row = new ArrayList<>();
      headers.forEach(h -> row.add(element.has(h) ? TextFormat.str(element.get(h)) : ""));
      current.row(row);
      for (String key : moreSet) {
        if (element.has(key)) {
          build(key, element.get(key), indent + 1);
        }
      }
    }
  }

  private static void group(JsonNode item, List<String> headers, List<String> more) {
    item.fieldNames()
        .forEachRemaining(k -> (item.get(k).isContainerNode() ? more : headers).add(k));
    headers.sort(null);
    more.sort(null);
  }

  private String render() {
    int max = maxWidth();
    if (max > TERMINAL_WIDTH) {
      for (int i = 0; i < sections.size(); i++) {
        Section s = sections.get(i);
        if (s.rows.size() == 1 && !s.headers.isEmpty()) {
          Section v = new Section();
          v.title = s.title;
          v.indent = s.indent;
          for (int k = 0; k < s.headers.size(); k++) {
            v.row(List.of(s.headers.get(k), s.rows.get(0).get(k)));
          }
          sections.set(i, v);
        }
      }
      max = maxWidth();
    }
    StringBuilder out = new StringBuilder("-".repeat(max)).append('\n');
    for (Section s : sections) {
      renderSection(s, max, out);
    }
    return out.toString();
  }

  private int maxWidth() {
    return sections.stream().mapToInt(Section::totalWidth).max().orElse(0);
  }

  private static void renderSection(Section s, int maxWidth, StringBuilder out) {
    int width = maxWidth - s.indent * 2;
    List<String> lines = new ArrayList<>();
    if (!s.title.isEmpty()) {
      lines.add(center(s.title, width, "|", "|"));
      if (s.headers.isEmpty() && s.rows.isEmpty()) {
        lines.add("+" + "-".repeat(width - 2) + "+");
      }
    }
    if (!s.headers.isEmpty()) {
      List<Integer> widths = s.widths(4, width);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < widths.size() && i < s.headers.size(); i++) {
        line.append(center(s.headers.get(i), widths.get(i), i == 0 ? "|" : "", "|"));
      }
      lines.add(lineBreak(widths));
      lines.add(line.toString());
    }
    if (!s.rows.isEmpty()) {
      List<Integer> widths = s.widths(4, width);
      if (!widths.isEmpty()) {
        lines.add(lineBreak(widths));
        for (List<String> row : s.rows) {
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < widths.size() && i < row.size(); i++) {
            line.append(left(row.get(i), widths.get(i), i == 0 ? "|" : "", "|"));
          }
          lines.add(line.toString());
        }
        lines.add(lineBreak(widths));
      }
    }
    String edge = "|".repeat(s.indent);
    for (String l : lines) {
      out.append(edge).append(l).append(edge).append('\n');
    }
  }

  private static String lineBreak(List<Integer> widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < widths.size(); i++) {
      out.append(
          i == 0 ? "+" + "-".repeat(widths.get(i) - 2) + "+" : "-".repeat(widths.get(i) - 1) + "+");
    }
    return out.toString();
  }

  private static String center(String text, int length, String leftEdge, String rightEdge) {
    int start = Math.floorDiv(length, 2) - Math.floorDiv(text.length(), 2) - 1;
    String head = leftEdge + " ".repeat(Math.max(start, 0)) + text;
    int soFar = leftEdge.length() + start + text.length();
    int right = length - rightEdge.length() - soFar;
    return head + " ".repeat(Math.max(right, 0)) + rightEdge;
  }

  private static String left(String text, int length, String leftEdge, String rightEdge) {
    int computed = text.length() + 2 + leftEdge.length() + rightEdge.length();
    int padding = length - computed >= 0 ? 2 : 0;
    int soFar = leftEdge.length() + padding + text.length();
    return leftEdge
        + " ".repeat(padding)
        + text
        + " ".repeat(Math.max(length - soFar - rightEdge.length(), 0))
        + rightEdge;
  }
}
