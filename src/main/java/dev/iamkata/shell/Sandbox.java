package dev.iamkata.shell;

import dev.iamkata.lesson.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the learner's file commands may reach: the sandboxed home and the temporary directory, and
 * never the real {@code ~/.aws} of the person running iam-kata. Symbolic links are followed before
 * the check, so a link cannot lead out.
 */
final class Sandbox {
  /** The one path outside the roots that is allowed: writes vanish, reads are empty. */
  static final String DEV_NULL = "/dev/null";

  private Sandbox() {}

  /** A file the learner named, or {@link Denied} when it lies outside the sandbox. */
  static Path resolve(Workspace workspace, String name) throws Denied {
    Path p = workspace.resolve(name);
    Path real = realish(p);
    Path realAws = realish(Path.of(System.getProperty("user.home"), ".aws"));
    boolean inside =
        real.startsWith(realish(workspace.home()))
            || real.startsWith(realish(Path.of(System.getProperty("java.io.tmpdir"))));
    if (!inside || (real.startsWith(realAws) && !realAws.startsWith(realish(workspace.home())))) {
      throw new Denied(name + ": Permission denied (outside the kata sandbox)");
    }
    return p;
  }

  /** The path with symbolic links resolved as far as it exists. */
  private static Path realish(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    } catch (IOException e) {
      return abs;
    }
  }

  /** A path outside the sandbox; the message is what the shell prints. */
  static final class Denied extends Exception {
    private static final long serialVersionUID = 1L;

    Denied(String message) {
      super(message);
    }
  }
}
