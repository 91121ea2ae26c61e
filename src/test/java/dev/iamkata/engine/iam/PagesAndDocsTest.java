package dev.iamkata.engine.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PagesAndDocsTest {

  @Test
  void pagesDefaultToAHundredItems() {
    List<String> items =
        java.util.stream.IntStream.range(0, 150).mapToObj(i -> "k%03d".formatted(i)).toList();
    Pages.Page<String> first = Pages.of(items, Function.identity(), null, null);
    assertEquals(100, first.items().size());
    assertTrue(first.truncated());
    Pages.Page<String> second = Pages.of(items, Function.identity(), first.marker(), null);
    assertEquals(50, second.items().size());
    assertFalse(second.truncated());
    assertNull(second.marker());
    assertEquals("k100", second.items().get(0));
  }

  @Test
  void aMarkerWhoseItemWasDeletedResumesAtTheNextKey() {
    Pages.Page<String> first = Pages.of(List.of("a", "b", "c", "d"), Function.identity(), null, 2);
    Pages.Page<String> next =
        Pages.of(List.of("a", "b", "d"), Function.identity(), first.marker(), 2);
    assertEquals(List.of("d"), next.items());
  }

  @Test
  void anEmptyListIsOnePageNotTruncated() {
    Pages.Page<String> page = Pages.of(List.of(), Function.identity(), null, 10);
    assertEquals(List.of(), page.items());
    assertFalse(page.truncated());
  }

  @Test
  void documentsArePercentEncodedWithSpacesAsPercent20() {
    String doc = "{\"a b\": \"x+y/z:*~é\"}\n";
    String encoded = PolicyDocs.encode(doc);
    assertEquals("%7B%22a%20b%22%3A%20%22x%2By%2Fz%3A%2A~%C3%A9%22%7D%0A", encoded);
    assertEquals(doc, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
  }

  @Test
  void sizeIgnoresWhitespace() {
    assertEquals(4, PolicyDocs.size(" {\n\t\"\" }\r\n"));
  }
}
