package dev.iamkata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.iamkata.shell.AwsModes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code kata grade assume-role-basics} end to end on the embedded engine: the lesson's own
 * solutions as a learner's script pass (exit 0, a JUnit report without failures), and the same
 * script without its assume-role lines fails (exit 1, a JSON report saying where it stopped).
 */
@Tag("slow")
class GradeAssumeRoleBasicsIT {
  private static final Path LESSON = Path.of("lessons/assume-role-basics/lesson.yaml");
  private static List<String> solution;
  @TempDir Path dir;

  @BeforeAll
  static void readSolutions() throws Exception {
    assumeTrue(
        AwsModes.detect(null).current() != null,
        "no aws to run the learner's commands with: the grading integration test is skipped");
    solution = new ArrayList<>();
    for (JsonNode step : new YAMLMapper().readTree(LESSON.toFile()).get("steps")) {
      step.get("solution").forEach(line -> solution.add(line.asText()));
    }
  }

  /** The first step whose solution the failing script lacks. */
  private static String firstStepUsingAssumeRole() throws Exception {
    for (JsonNode step : new YAMLMapper().readTree(LESSON.toFile()).get("steps")) {
      for (JsonNode line : step.get("solution")) {
        if (line.asText().contains("assume-role")) {
          return step.get("id").asText();
        }
      }
    }
    throw new AssertionError("no step uses assume-role");
  }

  private static int kata(ByteArrayOutputStream out, String... args) {
    PrintStream saved = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      return Main.commandLine().execute(args);
    } finally {
      System.setOut(saved);
    }
  }

  @Test
  void theSolutionsPassAndTheReportSaysSo() throws Exception {
    Path script = dir.resolve("good.sh");
    Files.writeString(script, "# a learner's answers\n" + String.join("\n", solution) + "\n");
    Path report = dir.resolve("good.xml");
    int code =
        kata(
            new ByteArrayOutputStream(),
            "grade",
            "assume-role-basics",
            "--script",
            script.toString(),
            "--format",
            "junit",
            "--out",
            report.toString());
    assertEquals(0, code, Files.exists(report) ? Files.readString(report) : "no report");
    Element root =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(report.toFile())
            .getDocumentElement();
    int steps = new YAMLMapper().readTree(LESSON.toFile()).get("steps").size();
    assertEquals(steps, root.getElementsByTagName("testsuite").getLength());
    assertTrue(Integer.parseInt(root.getAttribute("tests")) >= steps);
    assertEquals("0", root.getAttribute("failures"));
    assertEquals("0", root.getAttribute("errors"));
    NodeList cases = root.getElementsByTagName("testcase");
    assertEquals(
        "assume-role-basics.user-is-denied", ((Element) cases.item(0)).getAttribute("classname"));
  }

  @Test
  void withoutAssumeRoleTheScriptFailsWhereItStopped() throws Exception {
    Path script = dir.resolve("bad.sh");
    Files.writeString(
        script,
        String.join("\n", solution.stream().filter(l -> !l.contains("assume-role")).toList())
            + "\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        kata(
            out,
            "grade",
            "assume-role-basics",
            "--script",
            script.toString(),
            "--format",
            "json",
            "--lang",
            "ja");
    assertEquals(1, code);
    JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertEquals("fail", report.get("status").asText());
    assertEquals("bad", report.get("learner").asText());
    JsonNode steps = report.get("steps");
    assertEquals("pass", steps.get(0).get("status").asText());
    int stopped = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (!steps.get(i).get("status").asText().equals("pass")) {
        stopped = i;
        break;
      }
    }
    assertEquals(
        firstStepUsingAssumeRole(), steps.get(stopped).get("id").asText(), steps.toString());
    assertTrue(steps.get(stopped).get("reached").asBoolean());
    JsonNode later = steps.get(stopped + 1);
    assertEquals(false, later.get("reached").asBoolean());
    assertTrue(later.at("/checks/0/message").asText().startsWith("未到達"));
    assertTrue(report.at("/summary/failed").asInt() > 0);
  }
}
