package dev.iamkata.tui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageTest {
  @TempDir Path home;

  @Test
  void flagBeatsSettingBeatsEnvironment() {
    Map<String, String> ja = Map.of("LANG", "ja_JP.UTF-8");
    assertEquals(Language.EN, Language.choose("en", Optional.of(Language.JA), ja));
    assertEquals(Language.EN, Language.choose(null, Optional.of(Language.EN), ja));
    assertEquals(Language.JA, Language.choose(null, Optional.empty(), ja));
    assertEquals(Language.EN, Language.choose(null, Optional.empty(), Map.of()));
  }

  @Test
  void lcAllOverridesLang() {
    assertEquals(Language.EN, Language.fromEnvironment(Map.of("LC_ALL", "C", "LANG", "ja_JP")));
    assertEquals(Language.JA, Language.fromEnvironment(Map.of("LC_ALL", "ja_JP.UTF-8")));
    assertEquals(Language.JA, Language.fromEnvironment(Map.of("LC_ALL", "", "LANG", "ja")));
  }

  @Test
  void settingsRememberTheLanguageAndKeepOtherKeys() throws Exception {
    Path file = home.resolve("settings.json");
    Files.writeString(file, "{\"aws.mode\": \"system\"}");
    Settings s = new Settings(file);
    assertEquals(Optional.empty(), s.language());
    s.setLanguage(Language.JA);
    assertEquals(Optional.of(Language.JA), new Settings(file).language());
    assertEquals(true, Files.readString(file).contains("\"aws.mode\" : \"system\""));
    try (var files = Files.list(home)) {
      assertEquals(1, files.count(), "no temp file left behind");
    }
  }

  @Test
  void aBrokenSettingsFileCountsAsNoSetting() throws Exception {
    Path file = home.resolve("settings.json");
    Files.writeString(file, "{not json");
    assertEquals(Optional.empty(), new Settings(file).language());
    assertEquals(
        home.resolve("settings.json"),
        Settings.fromEnvironment(Map.of("IAM_KATA_HOME", home.toString())).file());
  }
}
