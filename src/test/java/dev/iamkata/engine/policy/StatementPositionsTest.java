package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamkata.engine.policy.StatementPositions.Position;
import dev.iamkata.engine.policy.StatementPositions.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statement positions against output recorded from AWS's policy simulator (the cases name where
 * each figure comes from).
 */
class StatementPositionsTest {

  private static Span span(int startLine, int startColumn, int endLine, int endColumn) {
    return new Span(new Position(startLine, startColumn), new Position(endLine, endColumn));
  }

  @Test
  void minifiedArrayStartsAfterTheBracketAndEndsAfterTheBrace() {
    // SimulateCustomPolicy recorded: StartPosition 1:38, EndPosition 1:84
    String json =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";
    assertEquals(List.of(span(1, 38, 1, 84)), StatementPositions.of(json));
  }

  @Test
  void laterStatementsStartAfterThePreviousBraceSoTheCommaIsTheirs() {
    // a bucket policy as S3 returns it; the simulator reported 1:38-1:248 and 1:248-1:470
    String json =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\","
            + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":"
            + "[\"arn:aws:s3:::tims-fancy-bucket/*\",\"arn:aws:s3:::tims-fancy-bucket\"],"
            + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}},{\"Sid\":"
            + "\"DenyTimDelete\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
            + "\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::tims-fancy-bucket/*\","
            + "\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":"
            + "\"arn:aws:iam::112233445566:role/tims-test-role\"}}}]}";
    assertEquals(List.of(span(1, 38, 1, 248), span(1, 248, 1, 470)), StatementPositions.of(json));
  }

  @Test
  void spacedSeparatorsCountAsPython() {
    // json.dumps output; the simulator reported 1:41-1:180
    String json =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"s3\", \"Effect\": \"Allow\", "
            + "\"Action\": [\"s3:GetObject\", \"s3:DeleteObject\"], \"Resource\": "
            + "[\"arn:aws:s3:::tims-fancy-bucket/only-here/*\"]}]}";
    assertEquals(List.of(span(1, 41, 1, 180)), StatementPositions.of(json));
  }

  @Test
  void singleStatementObjectStartsAfterItsBrace() {
    // the aws CLI's simulate-custom-policy example: 1:38-1:167
    String json =
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
            + "\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":"
            + "{\"aws:CurrentTime\":\"2018-08-16T12:00:00Z\"}}}}";
    assertEquals(List.of(span(1, 38, 1, 167)), StatementPositions.of(json));
  }

  @Test
  void prettyPrintedDocumentsCountLines() {
    // the aws CLI's simulate-principal-policy example: 3:19-9:10
    String json =
        "{\n"
            + "    \"Version\": \"2012-10-17\",\n"
            + "    \"Statement\": [\n"
            + "        {\n"
            + "            \"Sid\": \"Grant-Access-To-CodeCommit-ListRepo\",\n"
            + "            \"Effect\": \"Allow\",\n"
            + "            \"Action\": \"codecommit:ListRepositories\",\n"
            + "            \"Resource\": \"*\"\n"
            + "        }\n"
            + "    ]\n"
            + "}";
    assertEquals(List.of(span(3, 19, 9, 10)), StatementPositions.of(json));
  }

  @Test
  void otherElementsAroundTheStatementAreSkipped() {
    String json =
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},\n"
            + "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}],\"Id\":\"x\"}";
    assertEquals(List.of(span(1, 15, 1, 61), span(1, 61, 2, 49)), StatementPositions.of(json));
  }

  @Test
  void textThatIsNotAPolicyHasNoStatements() {
    assertEquals(List.of(), StatementPositions.of("not json"));
    assertEquals(List.of(), StatementPositions.of("[1,2]"));
  }
}
