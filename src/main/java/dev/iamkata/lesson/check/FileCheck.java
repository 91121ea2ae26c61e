package dev.iamkata.lesson.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.lesson.model.Check;
import dev.iamkata.lesson.model.Expect;
import dev.iamkata.lesson.model.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code file}: a file the learner wrote (relative to their home) exists, parses as JSON, answers a
 * JMESPath query, matches a regex, or is a policy equivalent to a lesson file.
 */
final class FileCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FileCheck() {}

  static Verdict evaluate(Check.Spec.FileCheck spec, Expect expect, CheckContext ctx)
      throws IOException {
    String rel = ctx.placeholders().apply(spec.path());
    Path file = ctx.workspace().home().resolve(rel).normalize();
    Text expected =
        spec.policyEquals() != null
            ? Messages.text("expected.policyEquals", rel, spec.policyEquals())
            : expect.query() != null || expect.matches() != null
                ? CommandExpect.expected(expect, rel, ctx.placeholders())
                : spec.json()
                    ? Messages.text("expected.fileJson", rel)
                    : Messages.text("expected.fileExists", rel);
    if (!Files.isRegularFile(file)) {
      return Verdict.of(false, expected, Messages.text("actual.noFile", rel));
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    JsonNode json = null;
    if (spec.json()) {
      try {
        json = JSON.readTree(text);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return Verdict.of(
            false, expected, Messages.text("actual.badJson", rel, e.getOriginalMessage()));
      }
      if (json == null || json.isMissingNode()) {
        return Verdict.of(false, expected, Messages.text("actual.badJson", rel, "empty"));
      }
    }
    if (spec.policyEquals() != null) {
      String want =
          ctx.placeholders()
              .apply(
                  Files.readString(
                      ctx.lessonFolder().resolve(spec.policyEquals()), StandardCharsets.UTF_8));
      String diff = PolicyEquivalence.difference(JSON.readTree(want), json);
      if (diff != null) {
        return Verdict.of(false, expected, Messages.text("actual.policyDiffers", diff));
      }
    }
    if (expect.query() != null) {
      Verdict v = CommandExpect.query(expect, text, ctx.placeholders(), expected);
      if (!v.pass()) {
        return v;
      }
    }
    if (expect.matches() != null
        && !java.util.regex.Pattern.compile(ctx.placeholders().apply(expect.matches()))
            .matcher(text)
            .find()) {
      return Verdict.of(
          false,
          expected,
          Messages.text("actual.noMatch", ctx.placeholders().apply(expect.matches())));
    }
    return Verdict.of(true, expected, Messages.text("actual.asExpected"));
  }
}
