package dev.iamkata.shell.aws.args;

import dev.iamkata.shell.aws.AwsCliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code file://} and {@code fileb://} parameter values, read relative to the learner's working
 * directory with {@code ~} as their HOME, failing with the CLI's {@code Unable to load paramfile}
 * message.
 */
public final class ParamFiles {
  private final Path cwd;
  private final String home;

  public ParamFiles(Path cwd, String home) {
    this.cwd = cwd;
    this.home = home;
  }

  /** Whether {@code value} names a file. */
  public static boolean isFile(String value) {
    return value.startsWith("file://") || value.startsWith("fileb://");
  }

  /** The text of a {@code file://} value, or the value itself. */
  public String text(String cliName, String value) {
    if (value.startsWith("fileb://")) {
      return new String(bytes(cliName, value), StandardCharsets.UTF_8);
    }
    if (!value.startsWith("file://")) {
      return value;
    }
    return new String(read(cliName, value, value.substring(7)), StandardCharsets.UTF_8);
  }

  /** The bytes of a {@code fileb://} or {@code file://} value. */
  public byte[] bytes(String cliName, String value) {
    int cut = value.startsWith("fileb://") ? 8 : 7;
    return read(cliName, value, value.substring(cut));
  }

  /** The file a path the learner typed means. */
  public Path resolve(String path) {
    String p = path;
    if ((p.equals("~") || p.startsWith("~/")) && home != null) {
      p = home + p.substring(1);
    }
    return cwd.resolve(p);
  }

  private byte[] read(String cliName, String value, String path) {
    Path file = resolve(path);
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw AwsCliException.param(
          cliName,
          "Unable to load paramfile "
              + value
              + ": [Errno 2] No such file or directory: '"
              + path
              + "'");
    } catch (IOException e) {
      throw AwsCliException.param(
          cliName, "Unable to load paramfile " + value + ": " + e.getMessage());
    }
  }
}
