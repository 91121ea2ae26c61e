package dev.iamkata.cli;

import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.load.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kata lint [PATH...]}: checks lessons (schema and references) without running anything.
 * Prints {@code FILE:LINE:COL: message} per problem; exit 1 when there are any, 0 when clean.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Check lessons without running them: keys, types, translations, ids, files they refer to.",
      "PATH is a lesson folder, its lesson.yaml, or a folder of lessons (default: every lesson)."
    })
final class LintCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Lessons to check.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    List<Path> lessons = new ArrayList<>();
    if (paths.isEmpty()) {
      lessons.addAll(LessonCatalog.locate(System.getenv()).folders());
    }
    for (Path p : paths) {
      if (Files.isDirectory(p) && !Files.exists(p.resolve(LessonLoader.FILE))) {
        List<Path> inside = new LessonCatalog(p).folders();
        if (inside.isEmpty()) {
          System.err.println("kata lint: no lesson.yaml in " + p);
          return 2;
        }
        lessons.addAll(inside);
      } else if (Files.exists(p)) {
        lessons.add(p);
      } else {
        System.err.println("kata lint: no such file or folder: " + p);
        return 2;
      }
    }
    int problems = 0;
    for (Path lesson : lessons) {
      for (Problem problem : LessonLoader.check(lesson).problems()) {
        System.out.println(problem);
        problems++;
      }
    }
    System.err.println(
        problems == 0
            ? lessons.size() + " lesson(s) checked, no problems"
            : problems + " problem(s) in " + lessons.size() + " lesson(s)");
    return problems == 0 ? 0 : 1;
  }
}
