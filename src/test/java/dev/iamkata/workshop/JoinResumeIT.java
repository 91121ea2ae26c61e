package dev.iamkata.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kata join} (the packaged jar, as a process) restarted on the same machine under the same
 * name resumes that learner at the step the server has; the token is kept mode 600; the same name
 * from another machine is still refused.
 */
@Tag("slow")
class JoinResumeIT {
  private static final String LESSON = "assume-role-basics";
  @TempDir Path dir;

  record Ran(int exit, String out, String err) {}

  @Test
  void aRestartedClientResumesWhereItWasAndOthersStillCannotTakeTheName() throws Exception {
    Workshop w =
        Workshop.open(
            dir.resolve("room.db"),
            "room",
            0,
            InetAddress.getLoopbackAddress(),
            Set.of(LESSON),
            Clock.systemUTC());
    try (WorkshopHttp http =
        WorkshopHttp.start(w, InetAddress.getLoopbackAddress(), 0, Clock.systemUTC())) {
      String server = "127.0.0.1:" + http.port();
      Path laptop = dir.resolve("laptop");
      Ran first =
          join(
              server,
              w.joinCode(),
              laptop,
              "aws s3 ls --profile dev-user\n"
                  + "aws iam put-user-policy --user-name dev-user --policy-name assume-dev-role"
                  + " --policy-document file://assume-dev-role.json\n");
      // (the batch's status is the denied `aws s3 ls`'s: that step wants the refusal)
      assertEquals(3, alice(w).step, "alice passed two steps: " + first);

      Path kept =
          laptop.resolve("workshops/joined/" + "127.0.0.1%3A" + http.port() + "/alice.json");
      assertTrue(Files.isRegularFile(kept), "the token is kept at " + kept);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
      assertTrue(Files.readString(kept).contains(alice(w).token));
      try (var siblings = Files.list(kept.getParent())) {
        assertEquals(1, siblings.count(), "no temporary file is left behind");
      }

      Ran again =
          join(
              server,
              w.joinCode(),
              laptop,
              "aws iam update-assume-role-policy --role-name dev-role"
                  + " --policy-document file://trust-policy.json\n");
      assertEquals(0, again.exit(), again.toString());
      assertTrue(again.out().contains("joined again as alice"), again.out());
      assertTrue(again.out().contains("resumed at step 3 of"), again.out());
      assertEquals(1, w.learners().size(), "the same learner, not a new one");
      LearnerState a = alice(w);
      assertEquals(4, a.step, "the resumed client passed step 3");
      assertTrue(
          a.stepRecords.values().stream().filter(r -> r.index <= 2).allMatch(r -> r.passed),
          "the replay of steps 1 and 2 was not reported as skipping them");

      Ran other = join(server, w.joinCode(), dir.resolve("other-laptop"), "true\n");
      assertEquals(1, other.exit(), other.toString());
      assertTrue(other.err().contains("someone already joined as 'alice'"), other.err());
      assertFalse(other.out().contains("joined"), other.out());
    } finally {
      w.close();
    }
  }

  private static LearnerState alice(Workshop w) {
    return w.learners().stream().filter(l -> l.name.equals("alice")).findFirst().orElseThrow();
  }

  private Ran join(String server, String code, Path home, String script) throws Exception {
    Path file = Files.createTempFile(dir, "script", ".sh");
    Files.writeString(file, script);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            "target/iam-kata.jar",
            "join",
            server,
            code,
            "--name",
            "alice",
            "--batch",
            file.toString());
    pb.environment().put("IAM_KATA_HOME", home.toString());
    pb.environment().put("IAM_KATA_LESSONS", Path.of("lessons").toAbsolutePath().toString());
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "kata join did not finish");
    return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
