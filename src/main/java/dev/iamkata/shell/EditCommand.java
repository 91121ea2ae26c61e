package dev.iamkata.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code edit FILE}: opens {@code $EDITOR} on the file when the learner's terminal has one, else a
 * simple inline editor: the lines typed until a single {@code .} replace the file. Without a
 * terminal (batch mode) the new content is the command's stdin, e.g. {@code edit f <<'EOF'}.
 */
final class EditCommand implements ShellCommand {

  /** What only an interactive terminal can do. */
  interface Terminal {
    /** The next line the learner types, or null at end of input. */
    String readLine() throws InterruptedException;

    /** Shows a line to the learner at once (before the command's output is collected). */
    void println(String text);

    /** The editor to run ({@code $EDITOR}), or null for the inline editor. */
    String editor();

    /** Runs {@code editor file} on the terminal and returns its exit status. */
    int runEditor(String editor, Path file) throws IOException, InterruptedException;
  }

  private final Messages messages;
  private final Terminal terminal;

  EditCommand(Messages messages, Terminal terminal) {
    this.messages = messages;
    this.terminal = terminal;
  }

  @Override
  public int run(Call call) throws InterruptedException {
    if (call.args().size() != 1) {
      return call.fail(2, messages.get("edit.usage"));
    }
    String name = call.args().get(0);
    Path file;
    try {
      file = Sandbox.resolve(call.shell().workspace(), name);
    } catch (Sandbox.Denied e) {
      return call.fail(1, e.getMessage());
    }
    try {
      if (terminal != null && terminal.editor() != null) {
        return terminal.runEditor(terminal.editor(), file);
      }
      String content = terminal == null ? call.stdin() : inline(call, name);
      if (content.isEmpty()) {
        call.out().append(messages.get("edit.kept", name)).append('\n');
        return 0;
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
      long lines = content.chars().filter(c -> c == '\n').count();
      call.out().append(messages.get("edit.saved", name, String.valueOf(lines))).append('\n');
      return 0;
    } catch (IOException e) {
      return call.fail(1, messages.get("editor.failed", name, e.getMessage()));
    }
  }

  private String inline(Call call, String name) throws InterruptedException {
    terminal.println(messages.get("edit.inline", name));
    StringBuilder content = new StringBuilder();
    String line;
    while ((line = terminal.readLine()) != null && !line.equals(".")) {
      content.append(line).append('\n');
    }
    return content.toString();
  }
}
