package dev.iamkata.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.iamkata.tui.text.Style;
import dev.iamkata.tui.text.StyledLine;
import dev.iamkata.tui.text.Wrapper;
import java.util.List;

/** A yes/no question drawn as a box over the screen below it. */
public final class ConfirmView implements View {
  private final UiContext ctx;
  private final String question;
  private final Runnable onYes;

  public ConfirmView(UiContext ctx, String question, Runnable onYes) {
    this.ctx = ctx;
    this.question = question;
    this.onYes = onYes;
  }

  @Override
  public boolean overlay() {
    return true;
  }

  @Override
  public void draw(Canvas c) {
    int width = Math.min(60, c.width() - 4);
    List<StyledLine> text = Wrapper.wrap(question, Style.STRONG, width - 4);
    int height = text.size() + 4;
    Canvas box = c.region((c.width() - width) / 2, (c.height() - height) / 2, width, height);
    box.clear();
    box.box(Style.WARN);
    box.region(2, 1, width - 4, text.size()).lines(0, text);
    box.text(2, height - 2, ctx.t("confirm.keys"), Style.KEY_HINT);
  }

  @Override
  public void onKey(KeyStroke key, Nav nav) {
    if (key.getKeyType() == KeyType.Character && Character.toLowerCase(key.getCharacter()) == 'y') {
      nav.pop();
      onYes.run();
    } else if (key.getKeyType() == KeyType.Escape
        || key.getKeyType() == KeyType.Character
            && Character.toLowerCase(key.getCharacter()) == 'n') {
      nav.pop();
    }
  }
}
