package dev.iamkata.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class JunitXmlWriterTest {
  private final JunitXmlWriter writer = new JunitXmlWriter();

  private static void validate(String xml) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator validator =
        factory.newSchema(JunitXmlWriterTest.class.getResource("/grade/junit.xsd")).newValidator();
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void mixedReportIsValidAgainstTheJunitSchema() throws Exception {
    validate(writer.render(Reports.mixed("en")));
    validate(writer.render(Reports.mixed("ja")));
    validate(writer.render(Reports.allPass()));
  }

  @Test
  void theSchemaRejectsWhatCiToolsWouldNotRead() {
    String noTests = "<testsuites><testsuite name=\"x\" failures=\"0\" errors=\"0\"/></testsuites>";
    assertThrows(SAXException.class, () -> validate(noTests));
  }

  @Test
  void countsOnSuitesAndTheRootAddUp() throws Exception {
    Element root = parse(writer.render(Reports.mixed("en"))).getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("6", root.getAttribute("tests"));
    assertEquals("2", root.getAttribute("failures"));
    assertEquals("2", root.getAttribute("errors"));
    assertEquals("1.234", root.getAttribute("time"));
    NodeList suites = root.getElementsByTagName("testsuite");
    assertEquals(3, suites.getLength());
    Element two = (Element) suites.item(1);
    assertEquals("assume-role-basics.assume-the-role", two.getAttribute("name"));
    assertEquals("4", two.getAttribute("tests"));
    assertEquals("1", two.getAttribute("failures"));
    assertEquals("2", two.getAttribute("errors"));
    assertEquals("1", two.getAttribute("skipped"));
    assertEquals("2026-12-02T04:00:00", two.getAttribute("timestamp"));
  }

  @Test
  void eachStatusHasItsOwnElementAndType() throws Exception {
    Document doc = parse(writer.render(Reports.mixed("en")));
    NodeList cases = doc.getElementsByTagName("testcase");
    assertEquals(6, cases.getLength());
    Element pass = (Element) cases.item(0);
    assertEquals("assume-role-basics.user-is-denied", pass.getAttribute("classname"));
    assertEquals(0, pass.getChildNodes().getLength());

    Element failure = child((Element) cases.item(1), "failure");
    assertEquals("fail", failure.getAttribute("type"));
    assertEquals(
        "The session's Arn is not the role's: アクセスが拒否されました", failure.getAttribute("message"));
    String body = failure.getTextContent();
    assertTrue(
        body.contains("expected: arn:aws:sts::123456789012:assumed-role/dev-role/dev-session"),
        body);
    assertTrue(
        body.contains("actual: An error occurred (AccessDenied) when calling \\ <AssumeRole>"));
    assertTrue(body.contains("\uFFFD[31mred"), "the terminal escape is replaced, not dropped");

    assertEquals("error", child((Element) cases.item(2), "error").getAttribute("type"));
    Element timeout = child((Element) cases.item(3), "error");
    assertEquals("timeout", timeout.getAttribute("type"));
    assertEquals("the command did not finish within 30s", timeout.getAttribute("message"));
    assertEquals("30.000", ((Element) cases.item(3)).getAttribute("time"));

    Element skipped = child((Element) cases.item(4), "skipped");
    assertEquals(
        "the localstack backend does not evaluate identity policies",
        skipped.getAttribute("message"));

    Element notReached = child((Element) cases.item(5), "failure");
    assertEquals(
        "not reached: the script ended before this step", notReached.getAttribute("message"));
  }

  @Test
  void labelsFollowTheLanguage() throws Exception {
    Document doc = parse(writer.render(Reports.mixed("ja")));
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertTrue(failure.getTextContent().contains("期待: arn:aws:sts"), failure.getTextContent());
    Element notReached = (Element) doc.getElementsByTagName("failure").item(1);
    assertTrue(notReached.getAttribute("message").startsWith("未到達"));
  }

  @Test
  void multiLineAttributesSurviveAParser() throws Exception {
    Document doc = parse(writer.render(Reports.mixed("en")));
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(1);
    Element title = (Element) suite.getElementsByTagName("property").item(1);
    assertEquals("step.title", title.getAttribute("name"));
    assertEquals("Assume the role # with <markup> & \"quotes\"", title.getAttribute("value"));
  }

  private static Element child(Element parent, String tag) {
    NodeList list = parent.getElementsByTagName(tag);
    assertEquals(1, list.getLength(), tag + " in " + parent.getAttribute("name"));
    return (Element) list.item(0);
  }
}
