package dev.iamkata.engine.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one-pass snapshot of many tenants gives each tenant exactly what its own snapshot gives,
 * across the chunks it takes the read lock in.
 */
class TenantSnapshotsTest {
  @Test
  void manyTenantsInOnePassEqualOneByOne() {
    EngineState state = new EngineState();
    List<String> tenants = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String tenant = String.format("%04d", i);
      tenants.add(tenant);
      Account account = new Account(String.format("1000000000%02d", i));
      state.accounts.put(account.id, account);
      state.tenants.put(account.id, tenant);
      AccessKey key = new AccessKey();
      key.accessKeyId = "AKIA" + tenant;
      key.account = account.id;
      state.accessKeys.put(key.accessKeyId, key);
      Bucket bucket = new Bucket();
      bucket.name = "testbucket1";
      bucket.owner = account.id;
      state.buckets.put(state.bucketKey(account.id, bucket.name), bucket);
      state.tenantClocks.put(tenant, i * 1000L);
    }
    // asked for, but without accounts: an empty world
    tenants.add("gone");

    Map<String, byte[]> all = Snapshots.takeTenants(state, List.of(), tenants);

    assertEquals(tenants, List.copyOf(all.keySet()));
    for (String tenant : tenants) {
      assertEquals(
          new String(Snapshots.takeTenant(state, List.of(), tenant)),
          new String(all.get(tenant)),
          tenant);
    }
    EngineState seventeen = Snapshots.parse(all.get("0017"));
    assertEquals(List.of("100000000017"), List.copyOf(seventeen.accounts.keySet()));
    assertEquals(List.of("AKIA0017"), List.copyOf(seventeen.accessKeys.keySet()));
    assertEquals(List.of("0017/testbucket1"), List.copyOf(seventeen.buckets.keySet()));
    assertEquals(17_000L, seventeen.tenantClocks.get("0017"));
    assertEquals(0, Snapshots.parse(all.get("gone")).accounts.size());
  }
}
