package dev.iamkata.shell.aws.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShorthandTest {
  /** Expected values from awscli's ShorthandParser, as JSON. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Key=a,Value=b | {\"Key\":\"a\",\"Value\":\"b\"}",
        "Name=tag:team,Values=a,b | {\"Name\":\"tag:team\",\"Values\":[\"a\",\"b\"]}",
        "A=[x,y],B={C=d} | {\"A\":[\"x\",\"y\"],\"B\":{\"C\":\"d\"}}",
        "Key=a,Value | {\"Key\":[\"a\",\"Value\"]}",
        "Key=\"a,b\",Value=c | {\"Key\":\"a,b\",\"Value\":\"c\"}",
        "Key= | {\"Key\":\"\"}"
      })
  void parsesAsAwscli(String input, String json) throws Exception {
    assertEquals(json, Shorthand.parse(input.strip()).toString());
  }

  @Test
  void syntaxErrorsSayWhatWasExpected() {
    assertEquals(
        "Expected: '=', received: 'EOF' for input:\nKey\n   ^",
        assertThrows(Shorthand.SyntaxError.class, () -> Shorthand.parse("Key")).getMessage());
    assertEquals(
        "Expected: ',', received: 'EOF' for input:\nA=[x\n    ^",
        assertThrows(Shorthand.SyntaxError.class, () -> Shorthand.parse("A=[x")).getMessage());
  }
}
