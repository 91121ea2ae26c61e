package dev.iamkata.backend;

import dev.iamkata.engine.AccessKeyPair;
import dev.iamkata.engine.EngineConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Opens the backend a command asked for: flags first, then the settings file, then the embedded
 * engine. Combinations that cannot work are refused with a {@link BackendUsageException} that says
 * what to type instead.
 */
public final class Backends {
  /** The backend names, default first. */
  public static final List<String> NAMES = List.of("embedded", "localstack", "external");

  private Backends() {}

  /**
   * {@link #open(String, String, String, BackendSettings, Map, Clock)} with the real environment.
   */
  public static Backend open(
      String name, String endpoint, String adminKey, BackendSettings settings)
      throws BackendException {
    return open(name, endpoint, adminKey, settings, System.getenv(), Clock.systemUTC());
  }

  /**
   * Opens a backend.
   *
   * @param name {@code embedded}, {@code localstack} or {@code external}; null for the settings'
   * @param endpoint the endpoint URL; null for the settings' (when they name the same backend)
   * @param adminKey {@code AKID:SECRET}; null for the backend's default: the embedded engine makes
   *     a random one, LocalStack's is {@code $KATA_ADMIN_KEY} else its root, an external endpoint's
   *     is {@code $KATA_ADMIN_KEY} else {@code $AWS_ACCESS_KEY_ID}/{@code $AWS_SECRET_ACCESS_KEY}
   * @param env the environment (admin key variables, {@code LOCALSTACK_AUTH_TOKEN})
   * @param clock real time, for backends without a clock of their own
   */
  public static Backend open(
      String name,
      String endpoint,
      String adminKey,
      BackendSettings settings,
      Map<String, String> env,
      Clock clock)
      throws BackendException {
    String chosen = name != null ? name : settings.name() != null ? settings.name() : NAMES.get(0);
    if (!NAMES.contains(chosen)) {
      throw new BackendUsageException(
          "unknown backend '"
              + chosen
              + "'"
              + (name == null ? " in " + settings.source() : "")
              + ": use embedded, localstack or external");
    }
    String url = endpoint;
    if (url == null && chosen.equals(settings.name())) {
      url = settings.endpoint();
    }
    // the learner's own AWS_* variables may hold a real AWS key: only an external endpoint,
    // which the learner named, is offered them
    AccessKeyPair key =
        key(adminKey, chosen.equals("embedded") ? Map.of() : env, chosen.equals("external"));
    String region = EngineConfig.DEFAULT_REGION;
    switch (chosen) {
      case "embedded" -> {
        if (url != null) {
          throw new BackendUsageException(
              "--endpoint is for --backend external or localstack: the embedded backend starts"
                  + " its own engine (to use a running 'kata engine', say --backend external"
                  + " --endpoint "
                  + url
                  + ")");
        }
        return EmbeddedBackend.start(key);
      }
      case "localstack" -> {
        return url == null
            ? LocalStackBackend.start(env, key, region, clock)
            : LocalStackBackend.attach(uri(url), key, region, clock);
      }
      default -> {
        if (url == null) {
          throw new BackendUsageException(
              "--backend external needs --endpoint URL, e.g. --endpoint http://127.0.0.1:5000"
                  + " for moto_server or the URL 'kata engine' printed");
        }
        if (key == null) {
          throw new BackendUsageException(
              "--backend external needs the endpoint's admin key: --admin-key AKID:SECRET, or"
                  + " $KATA_ADMIN_KEY, or $AWS_ACCESS_KEY_ID and $AWS_SECRET_ACCESS_KEY");
        }
        return ExternalBackend.attach("external", uri(url), key, region, clock);
      }
    }
  }

  /** The admin key from the flag, else the environment; null when neither gives one. */
  static AccessKeyPair key(String flag, Map<String, String> env, boolean awsVariables)
      throws BackendUsageException {
    String text = flag != null ? flag : env.get("KATA_ADMIN_KEY");
    String from = flag != null ? "--admin-key" : "$KATA_ADMIN_KEY";
    if (text == null && awsVariables && env.get("AWS_ACCESS_KEY_ID") != null) {
      if (env.get("AWS_SECRET_ACCESS_KEY") == null) {
        throw new BackendUsageException(
            "$AWS_ACCESS_KEY_ID is set but $AWS_SECRET_ACCESS_KEY is not; give --admin-key"
                + " AKID:SECRET");
      }
      return new AccessKeyPair(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"));
    }
    if (text == null) {
      return null;
    }
    try {
      return AccessKeyPair.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BackendUsageException(from + ": " + e.getMessage());
    }
  }

  /**
   * {@code text} as an endpoint URL.
   *
   * @throws BackendUsageException when it is not an http:// or https:// URL with a host
   */
  public static URI uri(String text) throws BackendUsageException {
    try {
      URI uri = new URI(text);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new URISyntaxException(text, "not an http:// or https:// URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new BackendUsageException(
          "--endpoint must be an http:// or https:// URL such as http://localhost:4566, got '"
              + text
              + "'");
    }
  }
}
