package dev.iamkata.engine.iam.managed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of AWS-managed policies the engine knows, with their real documents.
 *
 * <p>The policies live as JSON resources next to this class, listed in {@code index.txt}. They are
 * read once, on first use.
 */
public final class AwsManagedPolicies {
  private static final String DIR = "/dev/iamkata/engine/iam/managed/";

  private AwsManagedPolicies() {}

  /** Every known AWS-managed policy, in index order. */
  public static List<ManagedPolicyDefinition> all() {
    return Catalogue.ALL;
  }

  /** The AWS-managed policy with this ARN, if the engine knows it. */
  public static Optional<ManagedPolicyDefinition> byArn(String arn) {
    return Optional.ofNullable(Catalogue.BY_ARN.get(arn));
  }

  /** Loaded when first touched (initialisation-on-demand holder). */
  private static final class Catalogue {
    static final List<ManagedPolicyDefinition> ALL;
    static final Map<String, ManagedPolicyDefinition> BY_ARN;

    static {
      ObjectMapper mapper = new ObjectMapper();
      List<ManagedPolicyDefinition> all = new ArrayList<>();
      Map<String, ManagedPolicyDefinition> byArn = new LinkedHashMap<>();
      for (String name : index()) {
        ManagedPolicyDefinition def = load(mapper, name);
        all.add(def);
        byArn.put(def.arn(), def);
      }
      ALL = List.copyOf(all);
      BY_ARN = Map.copyOf(byArn);
    }

    private static List<String> index() {
      try (InputStream in = open("index.txt");
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static ManagedPolicyDefinition load(ObjectMapper mapper, String name) {
      try (InputStream in = open(name + ".json")) {
        JsonNode node = mapper.readTree(in);
        return new ManagedPolicyDefinition(
            text(node, "PolicyName"),
            text(node, "PolicyId"),
            text(node, "Arn"),
            text(node, "Path"),
            text(node, "DefaultVersionId"),
            Instant.parse(text(node, "CreateDate")),
            Instant.parse(text(node, "UpdateDate")),
            node.path("Description").asText(""),
            mapper.writeValueAsString(node.required("Document")));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read managed policy " + name, e);
      }
    }

    private static String text(JsonNode node, String field) {
      return node.required(field).asText();
    }

    private static InputStream open(String file) throws IOException {
      InputStream in = AwsManagedPolicies.class.getResourceAsStream(DIR + file);
      if (in == null) {
        throw new IOException("missing resource " + DIR + file);
      }
      return in;
    }
  }
}
