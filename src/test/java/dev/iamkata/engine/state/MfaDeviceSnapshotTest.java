package dev.iamkata.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Virtual MFA devices survive snapshot and restore with their seed and used-code memory. */
class MfaDeviceSnapshotTest {
  @Test
  void aDeviceRoundTrips() {
    EngineState state = new EngineState();
    Account account = new Account("123456789012");
    MfaDevice device = new MfaDevice();
    device.name = "phone";
    device.serialNumber = account.iamArn("mfa/phone");
    device.seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    device.userName = "dev-user";
    device.enableDate = Instant.parse("2026-12-02T10:00:00Z");
    device.lastUsedStep = 59_000_000L;
    account.mfaDevices.put("phone", device);
    state.accounts.put(account.id, account);

    MfaDevice back =
        Snapshots.parse(Snapshots.take(state)).accounts.get(account.id).mfaDevices.get("phone");
    assertEquals(device.serialNumber, back.serialNumber);
    assertEquals(device.seed, back.seed);
    assertEquals("dev-user", back.userName);
    assertEquals(device.enableDate, back.enableDate);
    assertEquals(59_000_000L, back.lastUsedStep);
  }
}
