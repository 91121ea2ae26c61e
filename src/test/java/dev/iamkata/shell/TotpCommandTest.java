package dev.iamkata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamkata.lesson.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code totp}: the RFC 6238 code of a seed given inline or as a file. The endpoint here has no
 * control API, so the command falls back to its clock, fixed at an RFC test-vector time.
 */
class TotpCommandTest {
  /** Base32 of RFC 6238's SHA1 key "12345678901234567890". */
  private static final String SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  @TempDir Path home;
  private Interpreter sh;

  @BeforeEach
  void setUp() {
    sh = new Interpreter(new Workspace(home, "http://127.0.0.1:1", "us-east-1"), Map.of());
    Clock vector = Clock.fixed(Instant.ofEpochSecond(1111111109), ZoneOffset.UTC);
    sh.define("totp", new TotpCommand(vector));
  }

  @Test
  void printsTheCodeOfAnInlineSeed() throws Exception {
    Interpreter.Result r = sh.run("totp " + SEED);
    assertEquals("081804\n", r.stdout());
    assertEquals(0, r.exitCode());
  }

  @Test
  void readsTheSeedFileCreateVirtualMfaDeviceWrote() throws Exception {
    Files.writeString(home.resolve("seed.txt"), SEED);
    assertEquals("081804\n", sh.run("totp seed.txt").stdout());
    assertEquals("081804\n", sh.run("echo $(totp ~/seed.txt)").stdout());
  }

  @Test
  void refusesAMissingFileAndABadSeed() throws Exception {
    Interpreter.Result r = sh.run("totp nothing.txt");
    assertEquals(1, r.exitCode());
    assertEquals("totp: nothing.txt: No such file or directory\n", r.stderr());
    Files.writeString(home.resolve("bad.txt"), "not base32!");
    r = sh.run("totp bad.txt");
    assertEquals("totp: bad.txt: not a Base32 seed, nor a file holding one\n", r.stderr());
    assertEquals(2, sh.run("totp").exitCode());
  }
}
