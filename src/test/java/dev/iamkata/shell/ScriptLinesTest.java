package dev.iamkata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamkata.shell.ScriptLines.Entry;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScriptLinesTest {

  static Stream<Arguments> scripts() {
    return Stream.of(
        Arguments.of(
            "one line",
            "aws sts get-caller-identity\n",
            List.of(e(1, "aws sts get-caller-identity"))),
        Arguments.of(
            "comments and blanks dropped",
            "# setup\n\n  aws iam list-users  # all of them\n\n",
            List.of(e(3, "aws iam list-users"))),
        Arguments.of(
            "hash inside a word or quotes stays",
            "echo a#b '# not' \"# nor\"\n",
            List.of(e(1, "echo a#b '# not' \"# nor\""))),
        Arguments.of(
            "continuations joined",
            "aws iam create-role \\\n  --role-name dev-role \\\n  --path /\necho done\n",
            List.of(
                e(1, "aws iam create-role   --role-name dev-role   --path /"), e(4, "echo done"))),
        Arguments.of(
            "quoted heredoc kept with its body",
            "cat > trust-policy.json <<'EOF'\n{\n  # not a comment\n}\nEOF\naws iam list-roles\n",
            List.of(
                e(1, "cat > trust-policy.json <<'EOF'\n{\n  # not a comment\n}\nEOF"),
                e(6, "aws iam list-roles"))),
        Arguments.of(
            "unquoted heredoc and <<- with tabs",
            "cat <<-END >> f\n\tline $HOME\n\tEND\necho x\n",
            List.of(e(1, "cat <<-END >> f\n\tline $HOME\n\tEND"), e(4, "echo x"))),
        Arguments.of(
            "here-string is not a heredoc",
            "read -r A B <<< \"$X\"\necho $A\n",
            List.of(e(1, "read -r A B <<< \"$X\""), e(2, "echo $A"))),
        Arguments.of(
            "a quote spanning lines is one entry",
            "echo 'a\nb'\necho c\n",
            List.of(e(1, "echo 'a\nb'"), e(3, "echo c"))),
        Arguments.of(
            "command substitution spanning lines",
            "X=$(aws sts get-caller-identity\n --query Arn)\necho $X\n",
            List.of(e(1, "X=$(aws sts get-caller-identity\n --query Arn)"), e(3, "echo $X"))),
        Arguments.of(
            "CRLF line ends", "echo a\r\necho b\r\n", List.of(e(1, "echo a"), e(2, "echo b"))),
        Arguments.of("escaped hash", "echo \\#x\n", List.of(e(1, "echo \\#x"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void splitsIntoLogicalLines(String name, String script, List<Entry> expected) {
    assertEquals(expected, ScriptLines.split(script));
  }

  static Stream<Arguments> completeness() {
    return Stream.of(
        Arguments.of("aws sts get-caller-identity", true),
        Arguments.of("aws iam create-role \\", false),
        Arguments.of("echo 'open", false),
        Arguments.of("echo \"open", false),
        Arguments.of("X=$(aws sts", false),
        Arguments.of("cat > f <<'EOF'\n{", false),
        Arguments.of("cat > f <<'EOF'\n{\nEOF", true),
        Arguments.of("cat > f <<EOF\nEOFX", false),
        Arguments.of("read A <<< x", true),
        Arguments.of("# only a comment", true));
  }

  @ParameterizedTest(name = "{0} complete={1}")
  @MethodSource("completeness")
  void knowsWhenInputIsIncomplete(String input, boolean complete) {
    assertEquals(complete, ScriptLines.isComplete(input));
  }

  private static Entry e(int line, String text) {
    return new Entry(line, text);
  }
}
