package dev.iamkata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.lesson.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InterpreterTest {
  @TempDir Path home;
  Workspace ws;
  Interpreter sh;

  @BeforeEach
  void setUp() {
    ws = new Workspace(home, "http://127.0.0.1:1", "us-east-1");
    sh = new Interpreter(ws, Map.of());
  }

  /** (name, script run before, line, expected stdout, expected exit). */
  static Stream<Arguments> lines() {
    return Stream.of(
        Arguments.of("echo", "", "echo hello  world", "hello world\n", 0),
        Arguments.of("echo -n", "", "echo -n x", "x", 0),
        Arguments.of("single quotes keep $", "", "echo '$HOME x'", "$HOME x\n", 0),
        Arguments.of("double quotes expand", "X='a  b'", "echo \"[$X]\"", "[a  b]\n", 0),
        Arguments.of("unquoted expansion splits", "X='a  b'", "echo [$X]", "[a b]\n", 0),
        Arguments.of("braces", "X=v", "echo ${X}s", "vs\n", 0),
        Arguments.of("default value", "", "echo ${NOPE:-dflt}", "dflt\n", 0),
        Arguments.of("unset is empty", "", "echo \"<$NOPE>\"", "<>\n", 0),
        Arguments.of("backslash escapes", "", "echo \\$X a\\ b \"q\\\"q\"", "$X a b q\"q\n", 0),
        Arguments.of("command substitution", "", "echo \"got $(echo inner)\"", "got inner\n", 0),
        Arguments.of("nested substitution", "", "echo $(echo $(echo deep))", "deep\n", 0),
        Arguments.of("backticks", "", "echo `echo tick`", "tick\n", 0),
        Arguments.of("&& runs on success", "", "true && echo yes", "yes\n", 0),
        Arguments.of("&& skips on failure", "", "false && echo yes", "", 1),
        Arguments.of("|| runs on failure", "", "false || echo no", "no\n", 0),
        Arguments.of("semicolons", "", "echo a; echo b", "a\nb\n", 0),
        Arguments.of("$? after failure", "", "false; echo $?", "1\n", 0),
        Arguments.of("$? of not found", "", "nope 2>/dev/null; echo $?", "127\n", 0),
        Arguments.of("assignment from substitution", "A=$(echo x y)", "echo \"$A\"", "x y\n", 0),
        Arguments.of(
            "read here-string",
            "read -r AK SK ST <<< \"  k1 s1   t1 t2  \"",
            "echo \"$AK|$SK|$ST\"",
            "k1|s1|t1 t2\n",
            0),
        Arguments.of(
            "read from command substitution",
            "read -r A B <<< \"$(echo one two)\"",
            "echo $B $A",
            "two one\n",
            0),
        Arguments.of(
            "read fewer fields", "read -r A B C <<< 'x'", "echo \"[$A][$B][$C]\"", "[x][][]\n", 0),
        Arguments.of(
            "read with IFS", "IFS=, read -r A B <<< 'a,b c'", "echo \"$A|$B\"", "a|b c\n", 0),
        Arguments.of("pipe into grep", "", "echo -e 'a\\nbb\\nc' | grep b", "bb\n", 0),
        Arguments.of("grep no match", "", "echo a | grep z", "", 1),
        Arguments.of("pipe into head", "", "echo -e '1\\n2\\n3' | head -n 2", "1\n2\n", 0),
        Arguments.of(
            "heredoc with expansion",
            "N=dev",
            "cat <<EOF\nname $N\n'$N'\nEOF",
            "name dev\n'dev'\n",
            0),
        Arguments.of(
            "quoted heredoc is literal", "N=dev", "cat <<'EOF'\nname $N\nEOF", "name $N\n", 0),
        Arguments.of("<<- strips tabs", "", "cat <<-EOF\n\tx\n\tEOF", "x\n", 0),
        Arguments.of(
            "redirect and cat",
            "echo one > f.txt; echo two >> f.txt",
            "cat f.txt",
            "one\ntwo\n",
            0),
        Arguments.of("truncate", "echo one > f.txt; echo two > f.txt", "cat f.txt", "two\n", 0),
        Arguments.of("2>&1", "", "cat nope 2>&1", "cat: nope: No such file or directory\n", 1),
        Arguments.of("tilde", "", "echo ~ | grep -c kata-never", "0\n", 1),
        Arguments.of(
            "export and env", "export AWS_PROFILE=dev", "env | grep AWS_", "AWS_PROFILE=dev\n", 0),
        Arguments.of("local not in env", "LOCAL=1", "env | grep LOCAL", "", 1),
        Arguments.of("export local", "LOCAL=1; export LOCAL", "env | grep LOCAL", "LOCAL=1\n", 0),
        Arguments.of("unset", "export X=1; unset X", "echo \"[$X]\"", "[]\n", 0),
        Arguments.of("prefix assignment goes to env", "", "X=1 env | grep X=", "X=1\n", 0),
        Arguments.of("cd and pwd relative", "mkdir -p d/e; cd d/e", "ls ..", "e\n", 0),
        Arguments.of("ls", "echo > b; echo > a; echo > .h", "ls", "a\nb\n", 0),
        Arguments.of("comment", "", "echo x # not this", "x\n", 0),
        Arguments.of("continuation", "", "echo a \\\n b", "a b\n", 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void runsLikeBash(String name, String before, String line, String stdout, int exit)
      throws Exception {
    if (!before.isEmpty()) {
      Interpreter.Result setup = sh.run(before);
      assertEquals("", setup.stderr(), "setup stderr");
    }
    Interpreter.Result r = sh.run(line);
    assertEquals(stdout, r.stdout(), "stdout of " + line + " / stderr " + r.stderr());
    assertEquals(exit, r.exitCode(), "exit of " + line + " / stderr " + r.stderr());
  }

  /** (line, expected stderr, exit). */
  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "frobnicate x",
            "kata: command not found: frobnicate (type 'help' for the commands)\n",
            127),
        Arguments.of("echo 'open", "kata: unexpected EOF while looking for matching `''\n", 2),
        Arguments.of("echo \"open", "kata: unexpected EOF while looking for matching `\"'\n", 2),
        Arguments.of("&& echo", "kata: syntax error near unexpected token `&&'\n", 2),
        Arguments.of("echo a ;; echo b", "kata: syntax error near unexpected token `;'\n", 2),
        Arguments.of("echo >", "kata: syntax error near unexpected token `newline'\n", 2),
        Arguments.of("echo a | | b", "kata: syntax error near unexpected token `|'\n", 2),
        Arguments.of("echo ${a b}", "kata: ${a b}: bad substitution\n", 2),
        Arguments.of("cat missing", "cat: missing: No such file or directory\n", 1),
        Arguments.of(
            "cat <<EOF\nno end",
            "kata: here-document delimited by end-of-file (wanted `EOF')\n",
            2),
        Arguments.of(
            "cat /etc/passwd",
            "cat: /etc/passwd: Permission denied (outside the kata sandbox)\n",
            1),
        Arguments.of(
            "echo x > /etc/kata-x",
            "kata: /etc/kata-x: Permission denied (outside the kata sandbox)\n",
            1),
        Arguments.of(
            "cd /nonexistent-kata",
            "kata: cd: /nonexistent-kata: Permission denied (outside the kata sandbox)\n",
            1),
        Arguments.of("export 1X=2", "kata: export: `1X=2': not a valid identifier\n", 1),
        Arguments.of(
            "sleep 1 &", "kata: background jobs (`&') are not supported in this shell\n", 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void failsLikeBash(String line, String stderr, int exit) throws Exception {
    Interpreter.Result r = sh.run(line);
    assertEquals(stderr, r.stderr());
    assertEquals(exit, r.exitCode());
    assertEquals(exit, sh.status());
  }

  @Test
  void heredocWritesTrustPolicy() throws Exception {
    String line =
        "cat > trust-policy.json <<'EOF'\n{\n  \"Principal\": {\"AWS\": \"$ARN\"}\n}\nEOF";
    Interpreter.Result r = sh.run(line);
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals(
        "{\n  \"Principal\": {\"AWS\": \"$ARN\"}\n}\n",
        Files.readString(home.resolve("trust-policy.json")));
  }

  @Test
  void exitStopsTheLine() throws Exception {
    Interpreter.Result r = sh.run("echo a; exit 3; echo b");
    assertEquals("a\n", r.stdout());
    assertEquals(3, r.exitCode());
    assertTrue(r.exit());
    assertFalse(sh.run("echo c").exit());
  }

  @Test
  void exportedVariablesLiveInTheWorkspace() throws Exception {
    sh.run("export AWS_ACCESS_KEY_ID=AKIA1 && SECRET=s");
    assertEquals("AKIA1", ws.variable("AWS_ACCESS_KEY_ID"));
    assertEquals(null, ws.variable("SECRET"));
    assertEquals("s", sh.shellVariables().get("SECRET"));
    sh.run("AWS_ACCESS_KEY_ID=AKIA2");
    assertEquals(
        "AKIA2", ws.variable("AWS_ACCESS_KEY_ID"), "assigning an exported name updates it");
  }

  @Test
  void extraCommandsSeeTheirArgumentsAndPrefixEnvironment() throws Exception {
    StringBuilder seen = new StringBuilder();
    sh.define(
        "aws",
        call -> {
          seen.append(call.args()).append(call.environment().get("AWS_PROFILE"));
          call.out().append("{}\n");
          return 0;
        });
    Interpreter.Result r =
        sh.run("AWS_PROFILE=p aws sts get-caller-identity --query 'Arn' > out.json");
    assertEquals(0, r.exitCode());
    assertEquals("[sts, get-caller-identity, --query, Arn]p", seen.toString());
    assertEquals("{}\n", Files.readString(home.resolve("out.json")));
    assertEquals(null, ws.variable("AWS_PROFILE"), "a prefix assignment is for that command only");
  }
}
