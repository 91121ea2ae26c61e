package dev.iamkata.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeJobTest {
  @TempDir Path dir;
  private final FakeGrader grader = new FakeGrader();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(GradeOptions o) throws Exception {
    Clock clock = Clock.fixed(Reports.START, ZoneOffset.UTC);
    return new GradeJob(
            grader,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            clock)
        .run(o);
  }

  private static GradeOptions script(Path file, String format) {
    return new GradeOptions("demo", file, null, format, null, null, "en", false);
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aPassingScriptExitsZeroWithTheReportOnStdout() throws Exception {
    Path s = write("good.sh", "# my answers\naws s3 \\\n  ls\n\naws sts get-caller-identity\n");
    assertEquals(0, run(script(s, "json")));
    JsonNode report = new ObjectMapper().readTree(stdout());
    assertEquals("pass", report.get("status").asText());
    assertEquals("good", report.get("learner").asText());
    assertEquals(2, report.at("/steps/0/passedAtLine").asInt(), "continuation joined, line kept");
    assertEquals(5, report.at("/steps/1/passedAtLine").asInt());
    assertEquals("", stderr());
  }

  @Test
  void aFailingScriptExitsOneAndUnreachedStepsFail() throws Exception {
    Path s = write("bad.sh", "aws iam list-users\n");
    assertEquals(1, run(script(s, "tap")));
    assertTrue(stdout().startsWith("TAP version 14\n"));
    Tap14Parser.Document doc = Tap14Parser.parse(stdout());
    assertFalse(doc.points().get(1).ok());
    assertTrue(
        doc.points()
            .get(1)
            .subtest()
            .points()
            .get(0)
            .diagnostics()
            .get("message")
            .asText()
            .startsWith("not reached"));
  }

  @Test
  void outWritesTheFileAndSaysSoOnStderr() throws Exception {
    Path s = write("good.sh", String.join("\n", FakeGrader.SOLUTION) + "\n");
    Path report = dir.resolve("report.xml");
    Files.writeString(report, "old");
    GradeOptions o = new GradeOptions("demo", s, null, "junit", report, null, "ja", true);
    assertEquals(0, run(o));
    assertTrue(Files.readString(report).startsWith("<?xml"));
    assertEquals("", stdout());
    assertTrue(stderr().contains("合格 2"), stderr());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of("good.sh", "report.xml"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary file left");
    }
  }

  @Test
  void textOnStdoutIsColouredOnlyWhenAllowed() throws Exception {
    Path s = write("good.sh", String.join("\n", FakeGrader.SOLUTION) + "\n");
    run(new GradeOptions("demo", s, null, "text", null, null, "en", true));
    assertTrue(stdout().contains("\u001b[32m"));
    out.reset();
    run(script(s, "text"));
    assertFalse(stdout().contains("\u001b["));
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws Exception {
    Path s = write("good.sh", "aws s3 ls\n");
    Path bin = Files.write(dir.resolve("bin.sh"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
    record Case(GradeOptions options, String message) {}
    List<Case> cases =
        List.of(
            new Case(
                script(dir.resolve("missing.sh"), "junit"),
                "kata grade: script " + dir.resolve("missing.sh") + " does not exist"),
            new Case(
                new GradeOptions("nope", s, null, "junit", null, null, "en", false),
                "kata grade: unknown lesson 'nope'"),
            new Case(
                script(s, "html"),
                "kata grade: unknown format 'html': use junit|json|tap|exercism|text"),
            new Case(
                new GradeOptions("demo", s, null, "json", null, null, "fr", false),
                "kata grade: unknown language 'fr': use en|ja"),
            new Case(
                new GradeOptions("demo", null, null, "json", null, null, "en", false),
                "kata grade: give the learner's script: --script FILE (or a folder of them:"
                    + " --all DIR)"),
            new Case(
                new GradeOptions("demo", s, dir, "json", null, null, "en", false),
                "kata grade: --script and --all cannot be used together"),
            new Case(
                new GradeOptions(
                    "demo", s, null, "json", dir.resolve("no/such/r.json"), null, "en", false),
                "kata grade: cannot write "
                    + dir.resolve("no/such/r.json")
                    + ": no directory "
                    + dir.resolve("no/such")),
            new Case(
                new GradeOptions("demo", s, null, "json", null, dir, "en", false),
                "kata grade: --out-dir goes with --all DIR; for one script use --out"),
            new Case(
                script(dir, "json"), "kata grade: script " + dir + " is a directory, not a file"),
            new Case(script(bin, "json"), "kata grade: script " + bin + " is not UTF-8 text"));
    for (Case c : cases) {
      out.reset();
      err.reset();
      assertEquals(2, run(c.options()), c.message());
      assertEquals(c.message() + "\n", stderr());
      assertEquals("", stdout());
    }
  }
}
