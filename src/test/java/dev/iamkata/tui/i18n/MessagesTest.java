package dev.iamkata.tui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void bothBundlesHaveTheSameKeys() {
    assertEquals(Messages.of(Language.EN).keys(), Messages.of(Language.JA).keys());
  }

  @Test
  void japaneseIsReadAsUtf8AndArgumentsAreFilledIn() {
    Messages ja = Messages.of(Language.JA);
    assertEquals("日本語", ja.get("language.ja"));
    assertEquals("ステップ 2/8", ja.get("lesson.stepof", 2, 8));
    assertEquals("step 2/8", Messages.of(Language.EN).get("lesson.stepof", 2, 8));
  }

  @Test
  void theJvmDefaultLocaleDoesNotLeakIn() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.JAPAN);
      assertEquals("quit", Messages.of(Language.EN).get("key.quit"));
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }

  @Test
  void aMissingKeyIsVisibleNotFatal() {
    assertEquals("!no.such.key!", Messages.of(Language.EN).get("no.such.key"));
  }

  @Test
  void noJapaneseTextInTheUiCode() throws IOException {
    // All UI strings live in the bundles: Japanese in a .java file would be one left behind.
    // (The text package holds layout rules such as the kinsoku character tables, not strings.)
    Path src = Path.of("src/main/java/dev/iamkata/tui");
    try (Stream<Path> files = Files.walk(src)) {
      List<Path> offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !p.startsWith(src.resolve("text")))
              .filter(p -> read(p).codePoints().anyMatch(c -> c >= 0x3040 && c <= 0x9fff))
              .toList();
      assertEquals(List.of(), offenders);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
