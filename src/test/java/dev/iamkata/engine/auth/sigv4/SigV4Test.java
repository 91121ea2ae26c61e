package dev.iamkata.engine.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SigV4Test {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|/",
        "/|/",
        "/example space/|/example%20space/",
        // The wire path is encoded once already; outside S3 it is signed encoded twice.
        "/2015-03-31/functions/my%3Afn/invocations|/2015-03-31/functions/my%253Afn/invocations",
        "/a%2Fb|/a%252Fb",
        "//a/./b/../c/|/a/c/",
        "/a/b/..|/a",
        "/../..|/",
        "/~user/-_.|/~user/-_.",
        "/$delete|/%24delete"
      })
  void canonicalUriOutsideS3NormalisesAndEncodesTheWirePathAgain(String raw, String expected) {
    assertEquals(expected, SigV4.canonicalUri(raw, false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|/",
        "/bucket/my%20key.txt|/bucket/my%20key.txt",
        "/bucket/a%2Fb|/bucket/a%2Fb",
        "/bucket/a b+c$|/bucket/a%20b%2Bc%24",
        "/bucket/../x|/bucket/../x",
        "/bucket//key|/bucket//key",
        "/bucket/%3a%7Euser|/bucket/%3A~user",
        "/bucket/100%|/bucket/100%25",
        "/bucket/\u1234|/bucket/%E1%88%B4"
      })
  void canonicalUriForS3KeepsThePathAsSentInCanonicalEncoding(String raw, String expected) {
    assertEquals(expected, SigV4.canonicalUri(raw, true));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "b=2&a=1&a=0|a=0&a=1&b=2",
        "flag&x=|flag=&x=",
        "a=%7e&b=%2f&c=b+c|a=~&b=%2F&c=b%2Bc",
        "k=%zz&&|k=%25zz",
        "Param-3=x&Param=y&%E1%88%B4=z|%E1%88%B4=z&Param=y&Param-3=x",
        "X-Amz-Signature=abc&a=1|X-Amz-Signature=abc&a=1"
      })
  void canonicalQueryReencodesAndSorts(String raw, String expected) {
    assertEquals(expected, SigV4.canonicalQuery(raw, false));
  }

  @Test
  void canonicalQueryOfAbsentQueryIsEmpty() {
    assertEquals("", SigV4.canonicalQuery(null, false));
    assertEquals("", SigV4.canonicalQuery("", false));
  }

  @Test
  void presignedCanonicalQueryLeavesOutTheSignature() {
    assertEquals(
        "X-Amz-Date=20150830T123600Z&a=1",
        SigV4.canonicalQuery("a=1&X-Amz-Signature=abc&X-Amz-Date=20150830T123600Z", true));
  }

  @Test
  void canonicalHeadersTrimCollapseAndJoinRepeatedValues() {
    Map<String, List<String>> headers =
        Map.of(
            "host", List.of("example.amazonaws.com"),
            "my-header1", List.of("  a   b\t\tc  ", "second"),
            "my-header2", List.of("value1\n  value2"));

    assertEquals(
        "host:example.amazonaws.com\nmy-header1:a b c,second\nmy-header2:value1 value2\nabsent:\n",
        SigV4.canonicalHeaders(headers, List.of("host", "my-header1", "my-header2", "absent")));
  }

  @Test
  void signingKeyMatchesTheAwsDocumentationExample() {
    byte[] key =
        SigV4.signingKey(
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");

    assertEquals(
        "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
        HexFormat.of().formatHex(key));
  }

  @Test
  void stringToSignHashesTheCanonicalRequest() {
    assertEquals(
        "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        SigV4.stringToSign("20150830T123600Z", "20150830/us-east-1/iam/aws4_request", ""));
  }
}
