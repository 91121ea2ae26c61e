package dev.iamkata.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * The learner tokens this machine got from {@code kata join}, so that joining again under the same
 * name resumes that learner instead of being refused: one small JSON file per server and name under
 * {@code $IAM_KATA_HOME/workshops/joined/}, readable by its owner only (the token is the learner's
 * key to the workshop), replaced atomically so a crash never leaves half a file.
 */
public final class JoinedTokens {
  private final Path dir;

  /**
   * @param dir usually {@code $IAM_KATA_HOME/workshops/joined}
   */
  public JoinedTokens(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  /** The file for {@code name} on {@code server} ({@code HOST:PORT}). */
  public Path file(String server, String name) {
    return dir.resolve(encode(server)).resolve(encode(name.toLowerCase(Locale.ROOT)) + ".json");
  }

  /** The token kept for this server, join code and name, or null. */
  public String token(String server, String code, String name) {
    Path f = file(server, name);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      JsonNode kept = WorkshopStore.JSON.readTree(f.toFile());
      boolean same =
          code.equals(kept.path("code").asText())
              && name.equalsIgnoreCase(kept.path("name").asText());
      return same && kept.hasNonNull("token") ? kept.path("token").asText() : null;
    } catch (IOException e) {
      return null; // unreadable: join as new; the server refuses a taken name
    }
  }

  /** Keeps {@code joined}'s token (mode 600, written to a temporary file and moved into place). */
  public void save(String server, String code, String name, WorkshopClient.Joined joined)
      throws IOException {
    Path f = file(server, name);
    Path parent = f.getParent();
    createPrivateDirectories(parent);
    ObjectNode o = WorkshopStore.JSON.createObjectNode();
    o.put("server", server);
    o.put("code", code);
    o.put("name", name);
    o.put("learner", joined.learner());
    o.put("token", joined.token());
    Path tmp;
    try {
      tmp =
          Files.createTempFile(
              parent,
              ".join-",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      tmp = Files.createTempFile(parent, ".join-", ".tmp");
    }
    try {
      Files.write(tmp, WorkshopStore.JSON.writeValueAsBytes(o));
      Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void createPrivateDirectories(Path d) throws IOException {
    if (Files.isDirectory(d)) {
      return;
    }
    createPrivateDirectories(d.getParent());
    try {
      Files.createDirectory(
          d, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(d);
    } catch (FileAlreadyExistsException e) {
      // made meanwhile by another join on this machine
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
