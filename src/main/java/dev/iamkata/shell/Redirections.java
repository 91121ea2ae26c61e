package dev.iamkata.shell;

import dev.iamkata.lesson.Workspace;
import dev.iamkata.shell.Ast.Redirect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The redirections of one simple command, applied left to right as bash does: {@code > FILE}
 * truncates the file before the command runs, {@code 2>&1} copies where stdout goes at that point,
 * {@code <}, {@code <<<} and heredocs give the command its stdin. Files stay inside the {@link
 * Sandbox}.
 */
final class Redirections {
  /** Where a descriptor's output goes: the caller's buffer, a file, or nowhere. */
  private record Destination(StringBuilder buffer, Path file) {
    static final Destination NOWHERE = new Destination(null, null);
  }

  private final Workspace workspace;
  private final Expander expander;
  private final StringBuilder err;
  private Destination stdout;
  private Destination stderr;
  private boolean failed;

  Redirections(Workspace workspace, Expander expander, StringBuilder out, StringBuilder err) {
    this.workspace = workspace;
    this.expander = expander;
    this.err = err;
    this.stdout = new Destination(out, null);
    this.stderr = new Destination(err, null);
  }

  /** Whether a redirection failed (its message is already on stderr). */
  boolean failed() {
    return failed;
  }

  /** Applies one redirection; returns the new stdin for input redirections, else null. */
  String apply(Redirect r) throws InterruptedException {
    if (r.op().equals("<<")) {
      return r.heredoc().expand() ? expandHeredoc(r.heredoc().body()) : r.heredoc().body();
    }
    String target = expander.single(r.target());
    switch (r.op()) {
      case "<<<" -> {
        return target + "\n";
      }
      case "<" -> {
        return read(target);
      }
      case ">&" -> {
        Destination d =
            switch (target) {
              case "1" -> stdout;
              case "2" -> stderr;
              default -> null;
            };
        if (d == null) {
          return fail(target + ": ambiguous redirect");
        }
        set(r.fd(), d);
        return null;
      }
      default -> {
        Destination d = open(target, r.op().equals(">>"));
        if (d != null) {
          set(r.fd(), d);
        }
        return null;
      }
    }
  }

  /** Sends a finished command's output where its descriptors point. */
  void deliver(String out, String errText) {
    write(stdout, out);
    write(stderr, errText);
  }

  private String expandHeredoc(String body) throws InterruptedException {
    try {
      return expander.single(Lexer.heredocBody(body));
    } catch (SyntaxError e) {
      return fail(e.getMessage());
    }
  }

  private void set(int fd, Destination d) {
    if (fd == 1) {
      stdout = d;
    } else if (fd == 2) {
      stderr = d;
    } else {
      fail(fd + ": bad file descriptor");
    }
  }

  private String read(String name) {
    if (name.equals(Sandbox.DEV_NULL)) {
      return "";
    }
    try {
      Path p = Sandbox.resolve(workspace, name);
      if (Files.isDirectory(p)) {
        return fail(name + ": Is a directory");
      }
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (Sandbox.Denied e) {
      return fail(e.getMessage());
    } catch (NoSuchFileException e) {
      return fail(name + ": No such file or directory");
    } catch (IOException e) {
      return fail(name + ": " + e.getMessage());
    }
  }

  private Destination open(String name, boolean append) {
    if (name.equals(Sandbox.DEV_NULL)) {
      return Destination.NOWHERE;
    }
    try {
      Path p = Sandbox.resolve(workspace, name);
      if (Files.isDirectory(p)) {
        fail(name + ": Is a directory");
        return null;
      }
      if (append) {
        Files.writeString(p, "", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } else {
        Files.writeString(p, "");
      }
      return new Destination(null, p);
    } catch (Sandbox.Denied e) {
      fail(e.getMessage());
    } catch (NoSuchFileException e) {
      fail(name + ": No such file or directory");
    } catch (IOException e) {
      fail(name + ": " + e.getMessage());
    }
    return null;
  }

  private void write(Destination d, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (d.buffer() != null) {
      d.buffer().append(text);
    } else if (d.file() != null) {
      try {
        Files.writeString(d.file(), text, StandardOpenOption.APPEND);
      } catch (IOException e) {
        err.append("kata: ").append(d.file()).append(": ").append(e.getMessage()).append('\n');
      }
    }
  }

  private String fail(String message) {
    err.append("kata: ").append(message).append('\n');
    failed = true;
    return null;
  }
}
