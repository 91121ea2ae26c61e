package dev.iamkata.lesson.progress;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code $IAM_KATA_HOME/progress.json} (default {@code ~/.iam-kata}). Every write goes to a temp
 * file in the same folder, is fsynced, and is renamed over the old file atomically: a crash or
 * {@code kill -9} mid-write leaves the previous progress whole.
 */
public final class ProgressStore {
  /** The environment variable naming iam-kata's home. */
  public static final String HOME_ENV = "IAM_KATA_HOME";

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;

  public ProgressStore(Path file) {
    this.file = file;
  }

  /** iam-kata's home: {@code $IAM_KATA_HOME}, else {@code ~/.iam-kata}. */
  public static Path home(Map<String, String> env) {
    String set = env.get(HOME_ENV);
    return set != null && !set.isBlank()
        ? Path.of(set)
        : Path.of(System.getProperty("user.home"), ".iam-kata");
  }

  public static ProgressStore at(Path home) {
    return new ProgressStore(home.resolve("progress.json"));
  }

  public Path file() {
    return file;
  }

  /** The stored progress; empty when there is none yet. */
  public synchronized Progress read() throws IOException {
    if (!Files.exists(file)) {
      return Progress.empty();
    }
    try {
      return JSON.readValue(file.toFile(), Progress.class);
    } catch (IOException e) {
      throw new IOException(file + " is not valid progress: " + e.getMessage(), e);
    }
  }

  /** Reads, applies {@code change}, writes atomically; returns what was written. */
  public synchronized Progress update(UnaryOperator<Progress> change) throws IOException {
    Progress next = change.apply(read());
    write(next);
    return next;
  }

  /** Writes {@code progress} atomically (temp file, fsync, rename). */
  public synchronized void write(Progress progress) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    byte[] bytes = JSON.writeValueAsBytes(progress);
    Path tmp = Files.createTempFile(dir, ".progress-", ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
