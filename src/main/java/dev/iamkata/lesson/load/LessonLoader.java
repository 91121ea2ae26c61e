package dev.iamkata.lesson.load;

import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Placeholders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Loads {@code lessons/<id>/lesson.yaml} into a {@link Lesson}, or says everything that is wrong
 * with it, each problem with file, line and column. Works on any {@link Path}, including paths in
 * the jar's own file system (bundled lessons).
 */
public final class LessonLoader {
  /** The file name of a lesson inside its folder. */
  public static final String FILE = "lesson.yaml";

  private LessonLoader() {}

  /** What loading one lesson gave: the lesson when there were no problems. */
  public record Result(Lesson lesson, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** {@code path} is a lesson folder or its {@code lesson.yaml}. */
  public static Lesson load(Path path) throws LessonLoadException {
    Result r = check(path);
    if (!r.ok()) {
      throw new LessonLoadException(r.problems());
    }
    return r.lesson();
  }

  /** Loads and checks, never throwing. */
  public static Result check(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(FILE) : path;
    List<Problem> problems = new ArrayList<>();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(
          new Problem(
              file,
              1,
              1,
              "cannot read the lesson: " + (Files.exists(file) ? e.getMessage() : "no such file")));
      return new Result(null, problems);
    }
    YamlNode root = new YamlTree(file, problems).parse(text);
    Lesson lesson = null;
    if (root != null) {
      placeholders(file, root, problems);
      lesson = new LessonBinder(file, problems).bind(root);
    }
    Collections.sort(problems);
    return new Result(problems.isEmpty() ? lesson : null, problems);
  }

  /** Every {@code {{name}}} in every string must be one the runner fills in. */
  private static void placeholders(Path file, YamlNode node, List<Problem> problems) {
    if (node instanceof YamlNode.MapNode m) {
      m.entries().values().forEach(e -> placeholders(file, e.value(), problems));
    } else if (node instanceof YamlNode.ListNode l) {
      l.items().forEach(i -> placeholders(file, i, problems));
    } else if (node instanceof YamlNode.Scalar s && s.type() == YamlNode.Scalar.Type.STRING) {
      for (String name : Placeholders.used(s.text())) {
        if (!Placeholders.NAMES.contains(name)) {
          problems.add(
              new Problem(
                  file,
                  s.line(),
                  s.column(),
                  Suggest.unknown(
                      "placeholder",
                      "{{" + name + "}}",
                      "",
                      Placeholders.NAMES.stream().sorted().map(n -> "{{" + n + "}}").toList())));
        }
      }
    }
  }
}
