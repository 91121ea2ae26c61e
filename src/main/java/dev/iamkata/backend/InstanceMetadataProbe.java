package dev.iamkata.backend;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The probe's experiment for {@link Capability#INSTANCE_METADATA}: an instance that does not exist
 * gets the metadata service's own {@code 404 - Not Found} page at {@code ENDPOINT/_imds/…}, where
 * any other server answers its own way (or not at all).
 */
final class InstanceMetadataProbe {
  private static final String PATH = "/_imds/i-00000000000000000/latest/meta-data/";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** What the probe saw. */
  record Found(boolean present, String evidence) {}

  private InstanceMetadataProbe() {}

  static Found run(String endpoint) {
    try {
      HttpResponse<String> r =
          HttpClient.newBuilder()
              .proxy(HttpClient.Builder.NO_PROXY)
              .connectTimeout(TIMEOUT)
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(endpoint + PATH)).timeout(TIMEOUT).build(),
                  HttpResponse.BodyHandlers.ofString());
      boolean ok = r.statusCode() == 404 && r.body().contains("<title>404 - Not Found</title>");
      return new Found(
          ok,
          (ok ? "" : "expected the metadata service's 404 page: ")
              + "GET "
              + PATH
              + " answered HTTP "
              + r.statusCode());
    } catch (IOException | IllegalArgumentException e) {
      return new Found(false, "GET " + PATH + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Found(false, "GET " + PATH + " was interrupted");
    }
  }
}
