package dev.iamkata.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ValidationTest {
  @Test
  void oneViolation() {
    AwsException e =
        assertThrows(
            AwsException.class,
            () ->
                new Validation()
                    .pattern("roleSessionName", "dev session", Pattern.compile("[\\w+=,.@-]*"))
                    .check());
    assertEquals(AwsError.VALIDATION_ERROR, e.error());
    assertEquals(
        "1 validation error detected: Value 'dev session' at 'roleSessionName' failed to satisfy"
            + " constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
        e.getMessage());
  }

  @Test
  void severalViolationsAreJoined() {
    AwsException e =
        assertThrows(
            AwsException.class,
            () ->
                new Validation()
                    .required("roleArn", null)
                    .range("durationSeconds", 50000, 900, 43200)
                    .length("externalId", "x", 2, 1224)
                    .check());
    assertEquals(
        "3 validation errors detected: Value null at 'roleArn' failed to satisfy constraint:"
            + " Member must not be null; Value '50000' at 'durationSeconds' failed to satisfy"
            + " constraint: Member must have value less than or equal to 43200; Value 'x' at"
            + " 'externalId' failed to satisfy constraint: Member must have length greater than or"
            + " equal to 2",
        e.getMessage());
  }

  @Test
  void absentOptionalMembersPass() {
    new Validation()
        .length("policy", null, 1, 2048)
        .range("durationSeconds", null, 900, 43200)
        .check();
  }
}
