package dev.iamkata.lesson.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.lesson.model.Expect;
import dev.iamkata.lesson.model.Placeholders;
import dev.iamkata.lesson.model.Text;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Judges a command's (or a file's) result against an {@link Expect}. Pure. */
final class CommandExpect {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JacksonRuntime JMESPATH = new JacksonRuntime();
  private static final Pattern AWS_ERROR = Pattern.compile("An error occurred \\(([^)]+)\\)");

  private CommandExpect() {}

  /** The AWS error code a command printed, or null. */
  static String errorCode(String stderr) {
    Matcher m = AWS_ERROR.matcher(stderr == null ? "" : stderr);
    String code = null;
    while (m.find()) {
      code = m.group(1);
    }
    return code;
  }

  /**
   * @param what the command as the check names it (for the texts)
   * @param errorCode the AWS error code, or null
   */
  static Verdict judge(
      Expect e,
      String what,
      int exitCode,
      String errorCode,
      String stdout,
      String stderr,
      Placeholders ph) {
    Text expected = expected(e, what, ph);
    if (e.outcome() == Expect.Outcome.OK && exitCode != 0) {
      return Verdict.of(false, expected, failure(exitCode, errorCode));
    }
    if (e.outcome() == Expect.Outcome.ERROR) {
      if (exitCode == 0) {
        return Verdict.of(false, expected, Messages.text("actual.ok"));
      }
      if (e.error() != null && !e.error().equals(errorCode)) {
        return Verdict.of(false, expected, failure(exitCode, errorCode));
      }
    }
    if (e.query() != null) {
      if (exitCode != 0 && (stdout == null || stdout.isBlank())) {
        // a failed command printed nothing to query: say how it failed, not that it is not JSON
        return Verdict.of(false, expected, failure(exitCode, errorCode));
      }
      Verdict v = query(e, stdout, ph, expected);
      if (!v.pass()) {
        return v;
      }
    }
    if (e.matches() != null) {
      String text = (stdout == null ? "" : stdout) + "\n" + (stderr == null ? "" : stderr);
      if (!Pattern.compile(ph.apply(e.matches())).matcher(text).find()) {
        return Verdict.of(false, expected, Messages.text("actual.noMatch", ph.apply(e.matches())));
      }
    }
    return Verdict.of(true, expected, Messages.text("actual.asExpected"));
  }

  /** {@code query}/{@code equals} on a JSON text (a command's stdout or a file). */
  static Verdict query(Expect e, String json, Placeholders ph, Text expected) {
    JsonNode doc;
    try {
      doc = JSON.readTree(json == null ? "" : json);
    } catch (IOException ex) {
      doc = null;
    }
    if (doc == null || doc.isMissingNode()) {
      return Verdict.of(false, expected, Messages.text("actual.notJson"));
    }
    JsonNode got = JMESPATH.compile(e.query()).search(doc);
    boolean pass;
    if (e.equals() == null) {
      pass =
          got != null
              && !got.isNull()
              && !(got.isBoolean() && !got.asBoolean())
              && !(got.isContainerNode() && got.isEmpty())
              && !(got.isTextual() && got.asText().isEmpty());
    } else {
      pass = same(got, substitute(e.equals(), ph));
    }
    return pass
        ? Verdict.of(true, expected, Messages.text("actual.asExpected"))
        : Verdict.of(false, expected, Messages.text("actual.query", e.query(), render(got)));
  }

  static JsonNode substitute(JsonNode v, Placeholders ph) {
    return v.isTextual() ? JSON.getNodeFactory().textNode(ph.apply(v.asText())) : v;
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a == null) {
      return b == null || b.isNull();
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  static String render(JsonNode n) {
    return n == null || n.isNull() ? "null" : n.isTextual() ? n.asText() : n.toString();
  }

  static Text failure(int exitCode, String errorCode) {
    if (exitCode == 0) {
      return Messages.text("actual.ok");
    }
    return errorCode != null
        ? Messages.text("actual.errorCode", errorCode)
        : Messages.text("actual.exit", exitCode);
  }

  static Text expected(Expect e, String what, Placeholders ph) {
    if (e.error() != null) {
      return Messages.text("expected.errorCode", what, e.error());
    }
    if (e.query() != null) {
      return e.equals() == null
          ? Messages.text("expected.queryTruthy", e.query())
          : Messages.text("expected.query", e.query(), render(substitute(e.equals(), ph)));
    }
    if (e.matches() != null) {
      return Messages.text("expected.matches", ph.apply(e.matches()));
    }
    return switch (e.outcome()) {
      case OK -> Messages.text("expected.ok", what);
      case ERROR -> Messages.text("expected.error", what);
      case ANY -> Messages.text("expected.any", what);
    };
  }
}
