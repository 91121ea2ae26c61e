package dev.iamkata.shell.aws.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @ParameterizedTest
  @CsvSource({"Key", "=x"})
  void syntaxErrorsSayWhatWasExpected(String input) {
    Shorthand.SyntaxError e =
        assertThrows(Shorthand.SyntaxError.class, () -> Shorthand.parse(input));
    assertEquals(true, e.getMessage().startsWith("Expected: '='"), e.getMessage());
  }
}
