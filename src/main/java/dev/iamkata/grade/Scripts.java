package dev.iamkata.grade;

import dev.iamkata.shell.ScriptLines;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads a learner's script: UTF-8 text, split into the command lines a learner would type. */
final class Scripts {
  private Scripts() {}

  /** The script's entries, or a one-line reason why it cannot be read. */
  static List<ScriptLines.Entry> read(Path file) throws GradeInputException {
    if (Files.isDirectory(file)) {
      throw new GradeInputException("script " + file + " is a directory, not a file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new GradeInputException("script " + file + " does not exist");
    } catch (IOException e) {
      throw new GradeInputException("cannot read script " + file + ": " + e.getMessage());
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new GradeInputException("script " + file + " is not UTF-8 text");
    }
    return ScriptLines.split(text);
  }

  /** The learner's name: the file name without its extension. */
  static String learner(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
