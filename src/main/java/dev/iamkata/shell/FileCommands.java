package dev.iamkata.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@code cat}, {@code ls}, {@code cd}, {@code pwd}, {@code mkdir}, {@code rm} in the sandbox. */
final class FileCommands {
  private FileCommands() {}

  static int cat(ShellCommand.Call call) {
    Inputs inputs = Inputs.of(call, call.args());
    inputs.list().forEach(i -> call.out().append(i.text()));
    return inputs.failed() ? 1 : 0;
  }

  /** {@code ls [-a] [-1] [PATH...]}: one name per line, as ls prints when not on a terminal. */
  static int ls(ShellCommand.Call call) {
    boolean all = false;
    List<String> paths = new ArrayList<>();
    for (String a : call.args()) {
      if (a.matches("-[a1lA]+")) {
        all |= a.contains("a") || a.contains("A");
      } else {
        paths.add(a);
      }
    }
    if (paths.isEmpty()) {
      paths.add(".");
    }
    int status = 0;
    List<String> dirs = new ArrayList<>();
    for (String name : paths) {
      try {
        Path p = Sandbox.resolve(call.shell().workspace(), name);
        if (!Files.exists(p)) {
          status = call.fail(2, "cannot access '" + name + "': No such file or directory");
        } else if (Files.isDirectory(p)) {
          dirs.add(name);
        } else {
          call.out().append(name).append('\n');
        }
      } catch (Sandbox.Denied e) {
        status = call.fail(2, "cannot open directory '" + name + "': Permission denied");
      }
    }
    for (String name : dirs) {
      if (paths.size() > 1) {
        call.out().append(name).append(":\n");
      }
      try (Stream<Path> entries = Files.list(call.shell().workspace().resolve(name))) {
        final boolean showHidden = all;
        entries
            .map(e -> e.getFileName().toString())
            .filter(n -> showHidden || !n.startsWith("."))
            .sorted()
            .forEach(n -> call.out().append(n).append('\n'));
      } catch (IOException e) {
        status = call.fail(2, "cannot open directory '" + name + "': " + e.getMessage());
      }
    }
    return status;
  }

  static int cd(ShellCommand.Call call) {
    String target = call.args().isEmpty() ? "~" : call.args().get(0);
    try {
      Path p = Sandbox.resolve(call.shell().workspace(), target);
      if (!Files.isDirectory(p)) {
        String why = Files.exists(p) ? "Not a directory" : "No such file or directory";
        call.err().append("kata: cd: ").append(target).append(": ").append(why).append('\n');
        return 1;
      }
      call.shell().workspace().cd(p);
      return 0;
    } catch (Sandbox.Denied e) {
      call.err().append("kata: cd: ").append(e.getMessage()).append('\n');
      return 1;
    }
  }

  static int pwd(ShellCommand.Call call) {
    call.out().append(call.shell().workspace().cwd()).append('\n');
    return 0;
  }

  static int mkdir(ShellCommand.Call call) {
    boolean parents = call.args().contains("-p");
    int status = 0;
    for (String name : call.args()) {
      if (name.equals("-p")) {
        continue;
      }
      try {
        Path p = Sandbox.resolve(call.shell().workspace(), name);
        if (parents) {
          Files.createDirectories(p);
        } else if (Files.exists(p)) {
          status = call.fail(1, "cannot create directory '" + name + "': File exists");
        } else {
          Files.createDirectory(p);
        }
      } catch (Sandbox.Denied e) {
        status = call.fail(1, e.getMessage());
      } catch (IOException e) {
        status = call.fail(1, "cannot create directory '" + name + "': No such file or directory");
      }
    }
    return status;
  }

  /** {@code rm [-f] FILE...}: files only; directories are refused. */
  static int rm(ShellCommand.Call call) {
    boolean force = call.args().stream().anyMatch(a -> a.matches("-[rf]*f[rf]*"));
    int status = 0;
    for (String name : call.args()) {
      if (name.startsWith("-")) {
        continue;
      }
      try {
        Path p = Sandbox.resolve(call.shell().workspace(), name);
        if (Files.isDirectory(p)) {
          status = call.fail(1, "cannot remove '" + name + "': Is a directory");
        } else if (!Files.deleteIfExists(p) && !force) {
          status = call.fail(1, "cannot remove '" + name + "': No such file or directory");
        }
      } catch (Sandbox.Denied e) {
        status = call.fail(1, e.getMessage());
      } catch (IOException e) {
        status = call.fail(1, "cannot remove '" + name + "': " + e.getMessage());
      }
    }
    return status;
  }
}
