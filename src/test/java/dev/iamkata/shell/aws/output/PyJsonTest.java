package dev.iamkata.shell.aws.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PyJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Expected text from Python's json.dumps(value, indent=4, ensure_ascii=False). */
  @Test
  void dumpsAsPython() throws Exception {
    String in =
        "{\"a\": [], \"b\": {}, \"c\": [1, 1.0, \"é\\t\"], \"d\": {\"e\": null, \"f\": false}}";
    String expected =
        "{\n"
            + "    \"a\": [],\n"
            + "    \"b\": {},\n"
            + "    \"c\": [\n"
            + "        1,\n"
            + "        1.0,\n"
            + "        \"é\\t\"\n"
            + "    ],\n"
            + "    \"d\": {\n"
            + "        \"e\": null,\n"
            + "        \"f\": false\n"
            + "    }\n"
            + "}";
    assertEquals(expected, PyJson.dump(JSON.readTree(in)));
  }

  @Test
  void timestampsAsIsoformat() {
    assertEquals(
        "2023-08-19T12:14:19+00:00", ResponseTree.timestamp(Instant.parse("2023-08-19T12:14:19Z")));
    assertEquals(
        "2023-08-19T12:14:19.250000+00:00",
        ResponseTree.timestamp(Instant.parse("2023-08-19T12:14:19.25Z")));
  }

  /** Expected text from awscli's text formatter. */
  @Test
  void textFormatSortsScalarsAndNamesNestedLists() throws Exception {
    String in =
        "{\"Users\": [{\"UserName\": \"a\", \"Path\": \"/\", \"Tags\": [{\"Key\": \"k\", \"Value\": \"v\"}]},"
            + " {\"UserName\": \"b\", \"Path\": \"/\"}], \"IsTruncated\": false}";
    assertEquals(
        "False\nUSERS\t/\ta\nTAGS\tk\tv\nUSERS\t/\tb\n", TextFormat.format(JSON.readTree(in)));
  }

  /** Expected text from aws CLI v2's table formatter (80 columns). */
  @Test
  void tableFormatAsTheCli() throws Exception {
    String in =
        "{\"UserId\": \"AIDAEXAMPLE\", \"Account\": \"123456789012\", \"Arn\": \"arn:aws:iam::123456789012:user/admin\"}";
    String expected =
        "-------------------------------------------------------------------------\n"
            + "|                           GetCallerIdentity                           |\n"
            + "+--------------+----------------------------------------+---------------+\n"
            + "|    Account   |                  Arn                   |    UserId     |\n"
            + "+--------------+----------------------------------------+---------------+\n"
            + "|  123456789012|  arn:aws:iam::123456789012:user/admin  |  AIDAEXAMPLE  |\n"
            + "+--------------+----------------------------------------+---------------+\n";
    assertEquals(expected, TableFormat.format("GetCallerIdentity", JSON.readTree(in)));
  }
}
