package dev.iamkata.lesson.run;

import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.lesson.CommandResult;
import dev.iamkata.lesson.CommandRunner;
import dev.iamkata.lesson.Workspace;
import dev.iamkata.lesson.load.LessonLoader;
import dev.iamkata.lesson.model.Lesson;
import dev.iamkata.lesson.model.Placeholders;
import dev.iamkata.lesson.model.SetupItem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * A lesson's {@code setup}, run as the admin: commands through the same {@link CommandRunner} in an
 * admin workspace (whose default profile holds the backend's admin key and whose home holds the
 * lesson's files, placeholders filled in), profiles written into the learner's home, files copied
 * there.
 */
final class Setup {
  private final Lesson lesson;
  private final CommandRunner commands;
  private final IamClient adminIam;
  private AccessKeyPair adminKey;
  private final Placeholders ph;

  Setup(Lesson lesson, CommandRunner commands, IamClient adminIam, Placeholders ph) {
    this.lesson = lesson;
    this.commands = commands;
    this.adminIam = adminIam;
    this.ph = ph;
  }

  /** Prepares the admin workspace: admin key as the default profile, the lesson's files. */
  void prepareAdmin(Workspace admin, AccessKeyPair key) throws IOException {
    this.adminKey = key;
    IniFile.set(admin.awsCredentialsFile(), "default", "aws_access_key_id", key.accessKeyId());
    IniFile.set(
        admin.awsCredentialsFile(), "default", "aws_secret_access_key", key.secretAccessKey());
    IniFile.set(admin.awsConfigFile(), "default", "region", admin.region());
    IniFile.set(admin.awsConfigFile(), "default", "output", "json");
    Path folder = lesson.folder();
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = folder.relativize(p).toString();
        if (Files.isRegularFile(p) && !rel.equals(LessonLoader.FILE)) {
          Path target = admin.home().resolve(rel);
          Files.createDirectories(target.getParent());
          copyFilled(p, target);
        }
      }
    }
  }

  /** Copies a text file with placeholders filled in, anything else (a zip) byte for byte. */
  private void copyFilled(Path from, Path to) throws IOException {
    byte[] bytes = Files.readAllBytes(from);
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      Files.writeString(to, ph.apply(text), StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      Files.write(to, bytes);
    }
  }

  void run(Workspace admin, Workspace learner)
      throws LessonException, InterruptedException, IOException {
    for (SetupItem item : lesson.setup()) {
      if (item instanceof SetupItem.Command c) {
        String line = ph.apply(c.line());
        CommandResult r = commands.run(line, admin);
        if (!r.ok()) {
          throw new LessonException(
              "setup of "
                  + lesson.id()
                  + " failed at `"
                  + line
                  + "` (exit "
                  + r.exitCode()
                  + "): "
                  + r.stderr().strip());
        }
      } else if (item instanceof SetupItem.Profile p) {
        AccessKeyPair key = profileKey(ph.apply(p.user()));
        IniFile.set(learner.awsCredentialsFile(), p.name(), "aws_access_key_id", key.accessKeyId());
        IniFile.set(
            learner.awsCredentialsFile(), p.name(), "aws_secret_access_key", key.secretAccessKey());
        String section = p.name().equals("default") ? "default" : "profile " + p.name();
        IniFile.set(learner.awsConfigFile(), section, "region", learner.region());
        IniFile.set(learner.awsConfigFile(), section, "output", "json");
      } else {
        SetupItem.File f = (SetupItem.File) item;
        Path target = learner.resolve(ph.apply(f.path()));
        Files.createDirectories(target.getParent());
        if (f.content() != null) {
          Files.writeString(target, ph.apply(f.content()), StandardCharsets.UTF_8);
        } else {
          copyFilled(lesson.folder().resolve(f.from()), target);
        }
      }
    }
  }

  /**
   * A new access key of {@code user}; for {@code admin}, the backend's own admin key, because on
   * backends other than the engine (moto, LocalStack's root) the admin is not an IAM user named
   * admin.
   */
  private AccessKeyPair profileKey(String user) {
    if (user.equals("admin") && adminKey != null) {
      return adminKey;
    }
    AccessKey key = adminIam.createAccessKey(b -> b.userName(user)).accessKey();
    return new AccessKeyPair(key.accessKeyId(), key.secretAccessKey());
  }
}
