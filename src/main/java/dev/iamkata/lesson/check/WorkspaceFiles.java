package dev.iamkata.lesson.check;

import dev.iamkata.lesson.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Copies of a learner's workspace: for probes (never touch learner state) and step snapshots. */
public final class WorkspaceFiles {
  private WorkspaceFiles() {}

  /** Copies the tree {@code from} to {@code to} (created), replacing what is there. */
  public static void copyTree(Path from, Path to) throws IOException {
    deleteTree(to);
    Files.createDirectories(to);
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Deletes {@code dir} and everything in it; nothing when absent. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * A workspace whose home is a copy of {@code ws}'s home at {@code newHome}, with the same
   * variables (HOME and paths under it pointing into the copy) and working directory.
   */
  public static Workspace copyOf(Workspace ws, Path newHome) throws IOException {
    copyTree(ws.home(), newHome);
    Workspace copy = new Workspace(newHome, ws.endpoint(), ws.region());
    restoreVariables(copy, ws.variables(), ws.home());
    if (ws.cwd().startsWith(ws.home())) {
      copy.cd(copy.home().resolve(ws.home().relativize(ws.cwd()).toString()));
    }
    return copy;
  }

  /** Puts {@code variables} (taken when home was {@code oldHome}) into {@code ws}. */
  public static void restoreVariables(Workspace ws, Map<String, String> variables, Path oldHome) {
    for (String name : Map.copyOf(ws.variables()).keySet()) {
      ws.unset(name);
    }
    String old = oldHome.toString();
    variables.forEach(
        (k, v) -> {
          if (!k.equals("HOME")) {
            ws.export(k, v.startsWith(old) ? ws.home() + v.substring(old.length()) : v);
          }
        });
  }
}
