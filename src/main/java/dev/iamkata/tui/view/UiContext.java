package dev.iamkata.tui.view;

import dev.iamkata.tui.i18n.Language;
import dev.iamkata.tui.i18n.Messages;
import dev.iamkata.tui.i18n.Settings;
import dev.iamkata.tui.model.Curriculum;
import java.io.IOException;
import java.time.ZoneId;

/**
 * What every screen shares: the catalog, the language (changeable while the UI runs), the
 * remembered settings, the time zone clock times are shown in, and the shell to hand over to. UI
 * thread only.
 */
public final class UiContext {
  private final Curriculum curriculum;
  private final Settings settings;
  private final ZoneId zone;
  private final ShellPort shell;
  private Messages messages;

  public UiContext(
      Curriculum curriculum, Settings settings, Language language, ZoneId zone, ShellPort shell) {
    this.curriculum = curriculum;
    this.settings = settings;
    this.zone = zone;
    this.shell = shell;
    this.messages = Messages.of(language);
  }

  public Curriculum curriculum() {
    return curriculum;
  }

  public Messages messages() {
    return messages;
  }

  public Language language() {
    return messages.language();
  }

  public ZoneId zone() {
    return zone;
  }

  public ShellPort shell() {
    return shell;
  }

  /** Switches the UI's language and remembers the choice in settings. */
  public void setLanguage(Language language) throws IOException {
    messages = Messages.of(language);
    settings.setLanguage(language);
  }

  /** Shows the UI in {@code language} without remembering it (the start screen's preview). */
  public void previewLanguage(Language language) {
    messages = Messages.of(language);
  }

  /** A message in the current language. */
  public String t(String key, Object... args) {
    return messages.get(key, args);
  }
}
