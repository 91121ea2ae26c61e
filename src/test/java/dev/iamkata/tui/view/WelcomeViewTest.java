package dev.iamkata.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.iamkata.tui.i18n.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewTest {
  @TempDir Path home;

  @Test
  void explainsTheProductTheBackendAndThatNoRealAccountIsTouched() throws Exception {
    VirtualUi ui = new VirtualUi(home, Language.EN);
    ui.start(new WelcomeView(ui.ctx));
    String text = ui.text();
    assertTrue(text.contains("Welcome to iam-kata"), text);
    assertTrue(text.contains("embedded"), text);
    assertTrue(text.contains("Nothing touches a real AWS account"), text);
    assertTrue(text.contains("English") && text.contains("日本語"), text);
  }

  @Test
  void choosingJapaneseSwitchesAtOnceAndIsRemembered() throws Exception {
    VirtualUi ui = new VirtualUi(home, Language.EN);
    ui.start(new WelcomeView(ui.ctx));
    ui.key(KeyType.ArrowRight);
    String text = ui.text();
    assertTrue(text.contains("iam-kata へようこそ"), text);
    assertTrue(text.contains("本物の AWS アカウントには一切触れず"), text);
    assertEquals(Optional.empty(), ui.settings.language(), "not remembered before Enter");
    ui.key(KeyType.Enter);
    assertEquals(Optional.of(Language.JA), ui.settings.language());
    assertTrue(Files.readString(home.resolve("settings.json")).contains("\"lang\" : \"ja\""));
    assertInstanceOf(CatalogView.class, ui.app.top());
    assertTrue(ui.text().contains("AssumeRole の疑問を一つずつ"), ui.text());
  }

  @Test
  void japaneseWelcomeWrapsWithinTheScreen() throws Exception {
    VirtualUi ui = new VirtualUi(home, Language.JA);
    ui.start(new WelcomeView(ui.ctx));
    for (String line : ui.lines()) {
      assertTrue(dev.iamkata.tui.text.CharWidth.of(line) <= 80, line);
      assertTrue(!line.strip().startsWith("。") && !line.strip().startsWith("、"), line);
    }
    // The sentence that wraps is still all there, in order, across lines.
    String joined = ui.text().replace("\n", "").replace(" ", "");
    assertTrue(joined.contains("本物のAWSアカウントには一切触れず、料金もかかりません。"), ui.text());
  }
}
