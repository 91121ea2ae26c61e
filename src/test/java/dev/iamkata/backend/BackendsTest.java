package dev.iamkata.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamkata.engine.AccessKeyPair;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The combinations {@link Backends#open} refuses, and the keys it picks. */
class BackendsTest {
  private static final Clock CLOCK = Clock.systemUTC();

  private static String refused(
      String name, String endpoint, String key, BackendSettings settings, Map<String, String> env) {
    return assertThrows(
            BackendUsageException.class,
            () -> Backends.open(name, endpoint, key, settings, env, CLOCK).close())
        .getMessage();
  }

  @Test
  void unknownNamesAreRefusedWithTheChoicesAndTheSource() {
    assertEquals(
        "unknown backend 'moto': use embedded, localstack or external",
        refused("moto", null, null, BackendSettings.DEFAULTS, Map.of()));
    assertEquals(
        "unknown backend 'aws' in /h/settings.json: use embedded, localstack or external",
        refused(null, null, null, new BackendSettings("aws", null, "/h/settings.json"), Map.of()));
  }

  @Test
  void theEmbeddedBackendTakesNoEndpoint() {
    assertEquals(
        "--endpoint is for --backend external or localstack: the embedded backend starts its own"
            + " engine (to use a running 'kata engine', say --backend external --endpoint"
            + " http://127.0.0.1:9)",
        refused("embedded", "http://127.0.0.1:9", null, BackendSettings.DEFAULTS, Map.of()));
  }

  @Test
  void externalNeedsAnEndpointAndAKey() {
    assertEquals(
        "--backend external needs --endpoint URL, e.g. --endpoint http://127.0.0.1:5000 for"
            + " moto_server or the URL 'kata engine' printed",
        refused("external", null, "A:B", BackendSettings.DEFAULTS, Map.of()));
    assertEquals(
        "--backend external needs the endpoint's admin key: --admin-key AKID:SECRET, or"
            + " $KATA_ADMIN_KEY, or $AWS_ACCESS_KEY_ID and $AWS_SECRET_ACCESS_KEY",
        refused("external", "http://127.0.0.1:9", null, BackendSettings.DEFAULTS, Map.of()));
    assertEquals(
        "--endpoint must be an http:// or https:// URL such as http://localhost:4566, got"
            + " 'localhost:4566'",
        refused("external", "localhost:4566", "A:B", BackendSettings.DEFAULTS, Map.of()));
    assertEquals(
        "--admin-key: expected AKID:SECRET, got 'nocolon'",
        refused("external", "http://127.0.0.1:9", "nocolon", BackendSettings.DEFAULTS, Map.of()));
  }

  @Test
  void keysComeFromTheFlagThenKataAdminKeyThenAwsVariablesForExternalOnly() throws Exception {
    Map<String, String> env =
        Map.of("KATA_ADMIN_KEY", "K:S", "AWS_ACCESS_KEY_ID", "A", "AWS_SECRET_ACCESS_KEY", "B");
    assertEquals(new AccessKeyPair("F", "G"), Backends.key("F:G", env, true));
    assertEquals(new AccessKeyPair("K", "S"), Backends.key(null, env, true));
    Map<String, String> aws = Map.of("AWS_ACCESS_KEY_ID", "A", "AWS_SECRET_ACCESS_KEY", "B");
    assertEquals(new AccessKeyPair("A", "B"), Backends.key(null, aws, true));
    assertEquals(null, Backends.key(null, aws, false));
  }

  @Test
  void settingsChooseTheBackendAndFlagsOverrideThem() throws Exception {
    BackendSettings external = new BackendSettings("external", "http://127.0.0.1:9", "s.json");
    // the flag wins: embedded, and the settings' endpoint (for external) does not apply to it
    try (Backend b = Backends.open("embedded", null, null, external, Map.of(), CLOCK)) {
      assertEquals("embedded", b.name());
    }
    try (Backend b = Backends.open(null, null, null, BackendSettings.DEFAULTS, Map.of(), CLOCK)) {
      assertEquals("embedded", b.name());
    }
  }

  @Test
  void anEndpointThatDoesNotAnswerIsABackendFailureNotAUsageError() {
    BackendException e =
        assertThrows(
            BackendException.class,
            () ->
                Backends.open(
                    "external",
                    "http://127.0.0.1:9",
                    "A:B",
                    BackendSettings.DEFAULTS,
                    Map.of(),
                    CLOCK));
    assertEquals(false, e instanceof BackendUsageException);
    assertEquals(
        true,
        e.getMessage().startsWith("nothing answered as AWS STS at http://127.0.0.1:9"),
        e.getMessage());
  }
}
