package dev.iamkata.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassGradingTest {
  @TempDir Path dir;
  private final FakeGrader grader = new FakeGrader();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Path all, Path outDir, String format) throws Exception {
    return new GradeJob(
            grader,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(Reports.START, ZoneOffset.UTC))
        .run(new GradeOptions("demo", null, all, format, null, outDir, "en", false));
  }

  private void classOfThree() throws Exception {
    Files.writeString(dir.resolve("sato.sh"), String.join("\n", FakeGrader.SOLUTION) + "\n");
    Files.writeString(dir.resolve("suzuki, jr.txt"), "aws s3 ls\n");
    Files.write(dir.resolve("broken.sh"), new byte[] {(byte) 0xc3});
    Files.writeString(dir.resolve("notes.md"), "not a script");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/nested.sh"), "aws s3 ls\n");
  }

  @Test
  void gradesEveryScriptIntoASummaryAndOneReportEach() throws Exception {
    classOfThree();
    assertEquals(1, run(dir, null, "junit"));
    Path out = dir.resolve("grades");
    assertEquals(
        List.of("sato", "suzuki, jr"),
        grader.requests.stream().map(GradeRequest::learner).toList());
    assertTrue(Files.readString(out.resolve("sato.xml")).contains("<testsuites"));
    assertTrue(Files.exists(out.resolve("suzuki, jr.xml")));
    List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
    assertEquals(
        List.of(
            ClassSummary.CSV_HEADER,
            "broken,demo,0,0,0,0,0,0.0,0,error",
            "sato,demo,2,0,0,0,0,100.0,10,pass",
            "\"suzuki, jr\",demo,1,1,0,0,0,50.0,10,fail"),
        csv);
    JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("demo", json.get("lesson").asText());
    assertEquals(3, json.get("learners").asInt());
    assertEquals(1, json.get("learnersPassed").asInt());
    assertEquals("sato.xml", json.at("/results/1/report").asText());
    assertEquals(
        "script " + dir.resolve("broken.sh") + " is not UTF-8 text",
        json.at("/results/0/problem").asText());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("1/3 learners passed"));
  }

  @Test
  void exercismReportsGoInAFolderPerLearner() throws Exception {
    Files.writeString(dir.resolve("sato.sh"), String.join("\n", FakeGrader.SOLUTION) + "\n");
    Path out = dir.resolve("elsewhere");
    assertEquals(0, run(dir, out, "exercism"));
    JsonNode results = new ObjectMapper().readTree(out.resolve("sato/results.json").toFile());
    assertEquals(3, results.get("version").asInt());
  }

  @Test
  void anEmptyFolderOrTwoScriptsOfOneLearnerAreBadInput() throws Exception {
    assertEquals(2, run(dir, null, "json"));
    assertEquals(
        "kata grade: no *.sh or *.txt scripts in " + dir + "\n",
        err.toString(StandardCharsets.UTF_8));
    err.reset();
    Files.writeString(dir.resolve("a.sh"), "");
    Files.writeString(dir.resolve("a.txt"), "");
    assertEquals(2, run(dir, null, "json"));
    assertEquals(
        "kata grade: two scripts for learner 'a': a.sh and a.txt\n",
        err.toString(StandardCharsets.UTF_8));
  }
}
