package dev.iamkata.engine.iam;

import dev.iamkata.engine.api.AwsError;
import dev.iamkata.engine.api.AwsException;
import dev.iamkata.engine.auth.Caller;
import dev.iamkata.engine.auth.Totp;
import dev.iamkata.engine.state.Account;
import dev.iamkata.engine.state.EngineState;
import dev.iamkata.engine.state.MfaDevice;
import java.util.Optional;

/**
 * STS's side of MFA: checks the {@code SerialNumber} and {@code TokenCode} of AssumeRole or
 * GetSessionToken against the calling user's enabled device, on the engine's clock. A code is good
 * once: the step it belongs to is remembered, and that code (or an older one) is refused again.
 */
public final class MfaCodes {
  /** How many steps either side of now a code may be from, for clocks a little apart. */
  static final long WINDOW = 1;

  private final EngineState state;

  public MfaCodes(EngineState state) {
    this.state = state;
  }

  /**
   * Accepts the code and marks it used, or throws AccessDenied in STS's words.
   *
   * @param serialNumber the device's serial number (its ARN)
   * @param tokenCode the six digits the device shows
   */
  public void verify(Caller caller, String serialNumber, String tokenCode) {
    state.write(
        () -> {
          MfaDevice device = enabledDevice(caller, serialNumber).orElseThrow(MfaCodes::unknown);
          long now = Totp.step(caller.time());
          for (long step = now - WINDOW; step <= now + WINDOW; step++) {
            if (step > device.lastUsedStep
                && tokenCode != null
                && Totp.codeAtStep(device.seed, step).equals(tokenCode)) {
              device.lastUsedStep = step;
              return null;
            }
          }
          throw new AwsException(
              AwsError.ACCESS_DENIED,
              "MultiFactorAuthentication failed with invalid MFA one time pass code.");
        });
  }

  /** The device with this serial enabled for the calling IAM user (long-term or session keys). */
  private Optional<MfaDevice> enabledDevice(Caller caller, String serialNumber) {
    if (caller.type() != Caller.Type.USER || serialNumber == null) {
      return Optional.empty();
    }
    return state
        .account(caller.account())
        .flatMap(
            a ->
                a.mfaDevices.values().stream()
                    .filter(d -> d.serialNumber.equals(serialNumber) && d.userName != null)
                    .filter(d -> Account.key(d.userName).equals(Account.key(caller.name())))
                    .findFirst());
  }

  private static AwsException unknown() {
    return new AwsException(
        AwsError.ACCESS_DENIED,
        "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA"
            + " serial number is valid and associated with this user.");
  }
}
