package dev.iamkata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamkata.lesson.load.LessonCatalog;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.progress.Progress;
import dev.iamkata.lesson.progress.ProgressStore;
import dev.iamkata.lesson.progress.StepStatus;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kata lessons [--json] [--lang en|ja]}: the catalog with the learner's progress. */
@Command(
    name = "lessons",
    mixinStandardHelpOptions = true,
    description = "List the lessons: id, title, level, steps and your progress.")
final class LessonsCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print a JSON array.")
  boolean json;

  @Option(names = "--lang", paramLabel = "en|ja", description = "Language of titles (default: en).")
  Lang lang = Lang.en;

  /** The languages of iam-kata. */
  enum Lang {
    en,
    ja
  }

  @Override
  public Integer call() throws IOException {
    LessonCatalog catalog = LessonCatalog.locate(System.getenv());
    Progress progress;
    try {
      progress = ProgressStore.at(ProgressStore.home(System.getenv())).read();
    } catch (IOException e) {
      System.err.println("kata lessons: " + e.getMessage());
      return 1;
    }
    ArrayNode out = new ObjectMapper().createArrayNode();
    int broken = 0;
    for (LessonLoader.Result r : catalog.loadAll()) {
      if (!r.ok()) {
        r.problems().forEach(p -> System.err.println(p));
        broken++;
        continue;
      }
      out.add(row(r.lesson(), progress.lesson(r.lesson().id())));
    }
    if (json) {
      System.out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    } else {
      System.out.printf("%-32s %-5s %-5s %-12s %s%n", "ID", "LEVEL", "STEPS", "PROGRESS", "TITLE");
      out.forEach(
          n ->
              System.out.printf(
                  "%-32s %-5d %-5d %-12s %s%n",
                  n.get("id").asText(),
                  n.get("level").asInt(),
                  n.get("steps").asInt(),
                  n.get("progress").get("text").asText(),
                  n.get("title").asText()));
    }
    return broken == 0 ? 0 : 1;
  }

  private ObjectNode row(Lesson lesson, Progress.Lesson p) {
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.put("id", lesson.id());
    n.put("title", lesson.title().in(lang.name()));
    n.put("summary", lesson.summary().in(lang.name()));
    n.put("track", lesson.track());
    n.put("level", lesson.level());
    n.put("steps", lesson.steps().size());
    n.put("minutes", lesson.minutes());
    ObjectNode pr = n.putObject("progress");
    long passed = p.count(StepStatus.PASSED);
    long skipped = p.count(StepStatus.SKIPPED);
    String status =
        p.finished() != null ? "done" : p.started() != null ? "in-progress" : "not-started";
    pr.put("status", status);
    pr.put("passed", passed);
    pr.put("skipped", skipped);
    pr.put("total", lesson.steps().size());
    pr.put(
        "text",
        p.started() == null
            ? "-"
            : (passed + skipped)
                + "/"
                + lesson.steps().size()
                + (status.equals("done") ? " done" : ""));
    return n;
  }
}
