package dev.iamkata.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamkata.backend.ControlClient;
import dev.iamkata.engine.auth.Totp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code totp SEED_OR_FILE}: prints the six-digit code a virtual MFA app would show now, for a
 * Base32 seed given as such or as the file {@code create-virtual-mfa-device --outfile} wrote. "Now"
 * is the backend's clock (the engine's virtual clock, which lessons move with {@code wait}), so the
 * code is the one the engine accepts; a backend without iam-kata's control API (a real account)
 * gets the host's clock, as a phone would.
 */
final class TotpCommand implements ShellCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock fallback;

  TotpCommand(Clock fallback) {
    this.fallback = fallback;
  }

  @Override
  public int run(Call call) throws InterruptedException {
    if (call.args().size() != 1) {
      return call.fail(2, "usage: totp SEED_OR_FILE");
    }
    String seed;
    try {
      seed = seed(call, call.args().get(0));
    } catch (Sandbox.Denied e) {
      return call.fail(1, e.getMessage());
    } catch (IOException e) {
      return call.fail(1, call.args().get(0) + ": " + e.getMessage());
    }
    if (seed.isEmpty() || !seed.matches("[A-Za-z2-7=\\s]+")) {
      return call.fail(1, call.args().get(0) + ": not a Base32 seed, nor a file holding one");
    }
    call.out().append(Totp.code(seed, now(call))).append('\n');
    return 0;
  }

  /** The seed itself, or the contents of the sandbox file of that name. */
  private static String seed(Call call, String arg) throws Sandbox.Denied, IOException {
    if (arg.matches("[A-Z2-7]{16,}=*")) {
      return arg;
    }
    Path file = Sandbox.resolve(call.shell().workspace(), arg);
    if (!Files.isRegularFile(file)) {
      throw new IOException("No such file or directory");
    }
    return Files.readString(file, StandardCharsets.US_ASCII).strip();
  }

  private Instant now(Call call) throws InterruptedException {
    try {
      String body =
          new ControlClient(URI.create(call.shell().workspace().endpoint()), null)
              .call("GET", "clock", null);
      return Instant.parse(JSON.readTree(body).path("now").asText());
    } catch (IOException | RuntimeException e) {
      return fallback.instant();
    }
  }
}
