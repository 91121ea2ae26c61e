package dev.iamkata.shell;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * JLine's parser with the shell's idea of a complete line: while a quote, {@code $(} or heredoc is
 * open or the line ends in {@code \}, accepting the line raises {@link EOFError}, so JLine shows
 * the secondary prompt and keeps reading. Word splitting for completion is JLine's own.
 */
final class ShellParser extends DefaultParser {

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE) {
      if (!ScriptLines.isComplete(line)) {
        throw new EOFError(-1, cursor, "incomplete command", "> ");
      }
      // the interpreter parses accepted lines itself; JLine only needs words for history
      return super.parse(line, cursor, ParseContext.COMPLETE);
    }
    return super.parse(line, cursor, context);
  }
}
