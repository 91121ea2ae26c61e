package dev.iamkata.lesson.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.iamkata.lesson.model.Expect;
import dev.iamkata.lesson.model.Placeholders;
import org.junit.jupiter.api.Test;

class CommandExpectTest {
  private static final Placeholders PH = Placeholders.of("123456789012", null, "us-east-1");
  private static final Expect QUERY =
      new Expect(Expect.Outcome.ANY, null, "Role.RoleName", TextNode.valueOf("r"), null, null);
  private static final String ERROR =
      "\nAn error occurred (NoSuchEntity) when calling the GetRole operation: The role with name r"
          + " cannot be found.\n";

  @Test
  void aFailedCommandUnderAQuerySaysHowItFailed() {
    Verdict v =
        CommandExpect.judge(
            QUERY, "aws iam get-role", 254, CommandExpect.errorCode(ERROR), "", ERROR, PH);
    assertFalse(v.pass());
    assertEquals("it failed with NoSuchEntity", v.actual().en());
  }

  @Test
  void outputThatIsNotJsonIsSaidSo() {
    Verdict v = CommandExpect.judge(QUERY, "aws iam get-role", 0, null, "r\n", "", PH);
    assertFalse(v.pass());
    assertEquals("the output is not JSON", v.actual().en());
  }

  @Test
  void theQueryDecidesOnJson() {
    Verdict v =
        CommandExpect.judge(
            QUERY, "aws iam get-role", 0, null, "{\"Role\":{\"RoleName\":\"r\"}}", "", PH);
    assertTrue(v.pass());
  }
}
