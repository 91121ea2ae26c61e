package dev.iamkata.lesson.load;

import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.SetupItem;
import dev.iamkata.lesson.model.Step;
import dev.iamkata.lesson.model.Text;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a located YAML tree into a {@link Lesson}, collecting every problem rather than stopping at
 * the first. Reference checks (files, ids) are done here too, because they need the positions.
 */
final class LessonBinder {
  static final List<String> LESSON_KEYS =
      List.of(
          "id",
          "order",
          "track",
          "level",
          "title",
          "summary",
          "tags",
          "minutes",
          "prerequisites",
          "allow-skip",
          "source",
          "setup",
          "steps");
  static final List<String> STEP_KEYS =
      List.of(
          "id",
          "title",
          "body",
          "hints",
          "solution",
          "clock",
          "fail-first",
          "fail-first-reason",
          "checks");
  static final List<String> TRACKS = List.of("articles", "beyond");
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Path file;
  private final Path folder;
  private final List<Problem> problems;
  private final CheckBinder checks;

  LessonBinder(Path file, List<Problem> problems) {
    this.file = file;
    this.folder = file.toAbsolutePath().getParent();
    this.problems = problems;
    this.checks = new CheckBinder(file, folder, problems);
  }

  Lesson bind(YamlNode root) {
    if (!(root instanceof YamlNode.MapNode map)) {
      problems.add(
          new Problem(
              file,
              root.line(),
              root.column(),
              "expected a map with id, title and steps, found " + root.what()));
      return null;
    }
    Fields f = new Fields(file, problems, map, "lesson", LESSON_KEYS);
    String id = id(f, "id");
    if (id != null && folder.getFileName() != null && !id.equals(folder.getFileName().toString())) {
      f.problem(
          f.get("id"),
          "id \"" + id + "\" does not match the folder name \"" + folder.getFileName() + "\"");
    }
    Integer order = f.integer("order", 0, 1_000_000);
    String track = f.string("track", false);
    if (track != null && !TRACKS.contains(track)) {
      f.problem(f.get("track"), Suggest.unknown("track", track, "", TRACKS));
    }
    Integer level = f.integer("level", 1, 3);
    Text title = f.text("title", true);
    Text summary = f.text("summary", true);
    List<String> tags = f.strings("tags", false);
    Integer minutes = f.integer("minutes", 1, 600);
    List<String> prerequisites = f.strings("prerequisites", false);
    Boolean allowSkip = f.bool("allow-skip");
    String article = source(f);
    List<SetupItem> setup = setup(f);
    List<Step> steps = steps(f);
    f.finish();
    if (id == null || title == null || summary == null || steps == null) {
      return null;
    }
    return new Lesson(
        id,
        order == null ? 1000 : order,
        track == null ? "articles" : track,
        level == null ? 1 : level,
        title,
        summary,
        tags,
        minutes == null ? 15 : minutes,
        prerequisites,
        allowSkip == null || allowSkip,
        article,
        setup,
        steps,
        folder);
  }

  private String id(Fields f, String key) {
    String id = f.string(key, true);
    if (id != null && !ID.matcher(id).matches()) {
      f.problem(
          f.get(key),
          "\"" + key + "\": expected lowercase letters, digits and dashes, found \"" + id + "\"");
      return null;
    }
    return id;
  }

  private String source(Fields f) {
    YamlNode.MapNode m = f.mapOf("source", false);
    if (m == null) {
      return null;
    }
    Fields s = new Fields(file, problems, m, "source", List.of("article"));
    String article = s.string("article", true);
    s.finish();
    return article;
  }

  private List<SetupItem> setup(Fields f) {
    List<SetupItem> out = new ArrayList<>();
    for (YamlNode item : f.list("setup", false)) {
      SetupItem s = setupItem(f, item);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  private SetupItem setupItem(Fields f, YamlNode item) {
    if (item instanceof YamlNode.Scalar) {
      return new SetupItem.Command(f.asString("setup", item));
    }
    if (!(item instanceof YamlNode.MapNode m) || m.entries().size() != 1) {
      f.problem(
          item,
          "setup item: expected a command line, {profile: {...}} or {file: {...}}, found "
              + item.what());
      return null;
    }
    Fields s = new Fields(file, problems, m, "setup item", List.of("profile", "file"));
    SetupItem result = null;
    YamlNode.MapNode profile = s.mapOf("profile", false);
    YamlNode.MapNode fileItem = s.mapOf("file", false);
    if (profile != null) {
      Fields p = new Fields(file, problems, profile, "profile", List.of("name", "user"));
      String name = p.string("name", true);
      String user = p.string("user", true);
      p.finish();
      result = name == null || user == null ? null : new SetupItem.Profile(name, user);
    } else if (fileItem != null) {
      Fields p = new Fields(file, problems, fileItem, "file", List.of("path", "from", "content"));
      String path = p.string("path", true);
      String from = p.string("from", false);
      YamlNode content = p.get("content");
      String text = content == null ? null : p.asString("content", content);
      if ((from == null) == (content == null)) {
        p.problem(fileItem, "file: expected exactly one of \"from\" or \"content\"");
      } else if (from != null) {
        checks.lessonFile(p, p.get("from"), from);
      }
      p.finish();
      result = path == null ? null : new SetupItem.File(path, from, text);
    }
    s.finish();
    return result;
  }

  private List<Step> steps(Fields f) {
    List<YamlNode> items = f.list("steps", true);
    if (items.isEmpty()) {
      return null;
    }
    List<Step> out = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (YamlNode item : items) {
      if (!(item instanceof YamlNode.MapNode m)) {
        f.problem(
            item,
            "step: expected a map with id, title, body, solution and checks, found " + item.what());
        continue;
      }
      Step step = step(new Fields(file, problems, m, "step", STEP_KEYS), seen);
      if (step != null) {
        out.add(step);
      }
    }
    return out.size() == items.size() ? out : null;
  }

  private Step step(Fields s, Map<String, Integer> seen) {
    String id = id(s, "id");
    if (id != null) {
      Integer first = seen.putIfAbsent(id, s.get("id").line());
      if (first != null) {
        s.problem(s.get("id"), "duplicate step id \"" + id + "\" (first at line " + first + ")");
      }
    }
    Text title = s.text("title", true);
    Text body = s.text("body", true);
    List<Text> hints = new ArrayList<>();
    for (YamlNode h : s.list("hints", false)) {
      Text t = s.asText("hints", h);
      if (t != null) {
        hints.add(t);
      }
    }
    List<String> solution = s.strings("solution", true);
    if (s.has("solution") && solution.isEmpty() && s.get("solution") instanceof YamlNode.ListNode) {
      s.problem(s.get("solution"), "\"solution\": expected at least one command line");
    }
    Duration clock = null;
    String clockText = s.string("clock", false);
    if (clockText != null) {
      clock = Durations.parse(clockText);
      if (clock == null) {
        s.problem(s.get("clock"), "bad duration \"" + clockText + "\": " + Durations.EXPECTED);
      } else if (solution.stream().noneMatch(l -> l.trim().startsWith("wait "))) {
        s.problem(
            s.get("clock"),
            "a step with \"clock\" needs a \"wait " + clockText + "\" line in its solution");
      }
    }
    Boolean failFirst = s.bool("fail-first");
    Text reason = s.text("fail-first-reason", false);
    if (Boolean.FALSE.equals(failFirst) && reason == null && !s.has("fail-first-reason")) {
      s.problem(
          s.get("fail-first"), "\"fail-first: false\" needs a \"fail-first-reason\" {en, ja}");
    }
    List<Check> stepChecks = new ArrayList<>();
    List<YamlNode> checkNodes = s.list("checks", true);
    for (YamlNode c : checkNodes) {
      Check check = checks.check(s, c);
      if (check != null) {
        stepChecks.add(check);
      }
    }
    s.finish();
    if (id == null
        || title == null
        || body == null
        || solution.isEmpty()
        || checkNodes.isEmpty()
        || stepChecks.size() != checkNodes.size()
        || (clockText != null && clock == null)) {
      return null;
    }
    return new Step(
        id,
        title,
        body,
        hints,
        solution,
        clock,
        failFirst == null || failFirst,
        reason,
        stepChecks);
  }
}
