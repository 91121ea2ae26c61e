package dev.iamkata.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of a file-reading command: the named files (inside the sandbox), or stdin when none is
 * named or the name is {@code -}. Failures are reported as {@code cmd: FILE: reason} on stderr.
 */
record Inputs(List<Input> list, boolean failed) {

  /** One input's display name and text. */
  record Input(String name, String text) {}

  static Inputs of(ShellCommand.Call call, List<String> files) {
    if (files.isEmpty()) {
      return new Inputs(List.of(new Input("(standard input)", call.stdin())), false);
    }
    List<Input> inputs = new ArrayList<>();
    boolean failed = false;
    for (String f : files) {
      if (f.equals("-")) {
        inputs.add(new Input("(standard input)", call.stdin()));
        continue;
      }
      String text = readFile(call, f);
      if (text == null) {
        failed = true;
      } else {
        inputs.add(new Input(f, text));
      }
    }
    return new Inputs(inputs, failed);
  }

  /** The file's text, or null after printing why it cannot be read. */
  static String readFile(ShellCommand.Call call, String name) {
    if (name.equals(Sandbox.DEV_NULL)) {
      return "";
    }
    try {
      Path p = Sandbox.resolve(call.shell().workspace(), name);
      if (Files.isDirectory(p)) {
        call.fail(1, name + ": Is a directory");
        return null;
      }
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (Sandbox.Denied e) {
      call.fail(1, e.getMessage());
    } catch (NoSuchFileException e) {
      call.fail(1, name + ": No such file or directory");
    } catch (IOException e) {
      call.fail(1, name + ": " + e.getMessage());
    }
    return null;
  }
}
