package dev.iamkata.shell.aws.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyJsonParserTest {
  /** Expected messages from Python 3.11's json.loads. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{bad | Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        "{\"a\":1,} | Expecting property name enclosed in double quotes: line 1 column 8 (char 7)",
        "[1,2 | Expecting ',' delimiter: line 1 column 5 (char 4)",
        "{\"a\" 1} | Expecting ':' delimiter: line 1 column 6 (char 5)",
        "\"abc | Unterminated string starting at: line 1 column 1 (char 0)",
        "{\"a\":1} x | Extra data: line 1 column 9 (char 8)"
      })
  void failsWithPythonsMessages(String doc, String message) {
    PyJsonParser.JsonError e =
        assertThrows(PyJsonParser.JsonError.class, () -> PyJsonParser.parse(doc.strip()));
    assertEquals(message, e.getMessage());
  }

  @Test
  void emptyInputExpectsAValue() {
    PyJsonParser.JsonError e =
        assertThrows(PyJsonParser.JsonError.class, () -> PyJsonParser.parse(""));
    assertEquals("Expecting value: line 1 column 1 (char 0)", e.getMessage());
  }

  @Test
  void parsesNestedDocumentsKeepingOrder() throws Exception {
    assertEquals(
        "{\"b\":[1,2.5,true,null],\"a\":{\"s\":\"x\\ny\"}}",
        PyJsonParser.parse(" {\"b\": [1, 2.5, true, null], \"a\": {\"s\": \"x\\ny\"}} ")
            .toString());
  }
}
