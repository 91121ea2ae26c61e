package dev.iamkata.lesson.run;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.Capability;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.check.WorkspaceFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The state a step began with: the backend's snapshot (when it has {@link Capability#SNAPSHOTS})
 * and a copy of the learner's home, variables and working directory.
 */
record StepSnapshot(
    String backendState, Path home, Map<String, String> variables, Path oldHome, String cwd) {

  static StepSnapshot take(Backend backend, Workspace ws, Path dir)
      throws BackendException, IOException {
    String state = backend.capabilities().has(Capability.SNAPSHOTS) ? backend.snapshot() : null;
    Path copy = dir.resolve("home");
    WorkspaceFiles.copyTree(ws.home(), copy);
    return new StepSnapshot(
        state,
        copy,
        Map.copyOf(ws.variables()),
        ws.home(),
        ws.home().relativize(ws.cwd()).toString());
  }

  void restore(Backend backend, Workspace ws) throws BackendException, IOException {
    if (backendState != null) {
      backend.restore(backendState);
    }
    WorkspaceFiles.copyTree(home, ws.home());
    WorkspaceFiles.restoreVariables(ws, variables, oldHome);
    ws.cd(ws.home().resolve(cwd));
  }
}
