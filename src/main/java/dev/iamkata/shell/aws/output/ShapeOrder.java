package dev.iamkata.shell.aws.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * botocore's member order of each structure (from {@code shapes/<service>.tsv.gz}, written by
 * {@code tools/gen-shapes.py}): the CLI prints members in the model's order, which the SDK's
 * classes do not always keep. Members marked {@code *} are IAM policy documents, {@code !}
 * required.
 */
public final class ShapeOrder {
  /**
   * One structure's members.
   *
   * @param members the member names in the model's order
   * @param policyDocuments the members holding URL-encoded policy documents
   * @param required the members the model requires
   */
  public record Shape(List<String> members, List<String> policyDocuments, List<String> required) {}

  private static final Map<String, Map<String, Shape>> BY_SERVICE = new ConcurrentHashMap<>();

  /** SDK classes whose model shape has another name. */
  private static final Map<String, String> RENAMED =
      Map.of("InvokeRequest", "InvocationRequest", "InvokeResponse", "InvocationResponse");

  private ShapeOrder() {}

  /** The model's shape for an SDK model class, or null when the model has none of its name. */
  public static Shape of(Class<?> type) {
    String pkg = type.getPackageName();
    int at = pkg.indexOf("services.");
    if (at < 0) {
      return null;
    }
    String service = pkg.substring(at + 9, pkg.indexOf('.', at + 9));
    Map<String, Shape> shapes = BY_SERVICE.computeIfAbsent(service, ShapeOrder::load);
    String name = type.getSimpleName();
    name = RENAMED.getOrDefault(name, name).toLowerCase(Locale.ROOT);
    Shape shape = shapes.get(name);
    if (shape == null && name.endsWith("response")) {
      // some models name outputs FooOutput where the SDK says FooResponse (s3's GetObjectOutput)
      shape = shapes.get(name.substring(0, name.length() - 8) + "output");
    }
    return shape;
  }

  private static Map<String, Shape> load(String service) {
    Map<String, Shape> out = new HashMap<>();
    InputStream raw =
        ShapeOrder.class.getResourceAsStream(
            "/dev/iamkata/shell/aws/shapes/" + service + ".tsv.gz");
    if (raw == null) {
      return out;
    }
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
          continue;
        }
        List<String> members = Arrays.asList(line.substring(tab + 1).split(","));
        List<String> names =
            members.stream().map(m -> m.replace("*", "").replace("!", "")).toList();
        List<String> docs =
            members.stream()
                .filter(m -> m.contains("*"))
                .map(m -> m.replace("*", "").replace("!", ""))
                .toList();
        List<String> required =
            members.stream()
                .filter(m -> m.endsWith("!"))
                .map(m -> m.replace("*", "").replace("!", ""))
                .toList();
        out.put(line.substring(0, tab).toLowerCase(Locale.ROOT), new Shape(names, docs, required));
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }
}
