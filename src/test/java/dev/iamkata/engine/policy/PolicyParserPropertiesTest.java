package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based tests of {@link PolicyParser}: whatever text arrives, for every {@link
 * PolicyKind}, the parser either returns a policy or throws {@link MalformedPolicyException} with a
 * message (never another exception, never an error such as a stack overflow); a policy it accepts
 * can be evaluated without throwing; and the well-formed documents {@link PolicyGen} writes are
 * accepted and read back as written.
 */
class PolicyParserPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Property(tries = 3000)
  void arbitraryTextIsParsedOrRefused(@ForAll("text") String text) {
    parseOrRefuse(text);
  }

  @Property(tries = 2000)
  void arbitraryBytesAreParsedOrRefused(@ForAll("bytes") byte[] bytes) {
    parseOrRefuse(new String(bytes, StandardCharsets.UTF_8));
    parseOrRefuse(new String(bytes, StandardCharsets.ISO_8859_1));
  }

  @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
  void plausibleDocumentsAreParsedOrRefused(@ForAll("plausibleDocuments") String document) {
    int accepted = parseOrRefuse(document);
    Statistics.label("kinds accepting the document").collect(accepted);
  }

  @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
  void nearlyValidDocumentsAreParsedOrRefused(@ForAll("nearlyValidDocuments") String document) {
    int accepted = parseOrRefuse(document);
    Statistics.label("kinds accepting the document").collect(accepted);
  }

  /** Every operator, with values of every type, in a policy and in the request. */
  @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
  void conditionValuesAreParsedOrRefusedAndEvaluated(
      @ForAll("operators") String operator,
      @ForAll("conditionKeys") String key,
      @ForAll("conditionValues") List<String> policyValues,
      @ForAll("conditionValues") List<String> requestValues) {
    Object values = policyValues.size() == 1 ? policyValues.get(0) : policyValues;
    String document =
        json(
            Map.of(
                "Version",
                PolicyGen.VERSION,
                "Statement",
                Map.of(
                    "Effect",
                    "Allow",
                    "Action",
                    "s3:GetObject",
                    "Resource",
                    "*",
                    "Condition",
                    Map.of(operator, Map.of(key, values)))));
    Policy policy;
    try {
      policy = PolicyParser.parse(document, PolicyKind.IDENTITY);
    } catch (MalformedPolicyException e) {
      assertFalse(e.getMessage().isEmpty());
      Statistics.label("policy").collect("refused");
      return;
    }
    Statistics.label("policy").collect("accepted");
    RequestContext context =
        RequestContext.builder("s3:GetObject", "arn:aws:s3:::b/k", PolicyGen.CALLERS.get("alice"))
            .key(key, requestValues)
            .build();
    Decision decision =
        PolicyEvaluator.evaluate(
            EvaluationInput.builder(context)
                .identityPolicy(new SourcedPolicy("fuzz", PolicyType.IDENTITY, policy))
                .build());
    Statistics.label("decision").collect(decision.outcome());
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void deepNestingIsRefusedCleanly(
      @ForAll("nestingDepths") int depth, @ForAll("nestingPlaces") String place) {
    String nested = "[".repeat(depth) + "\"s3:GetObject\"" + "]".repeat(depth);
    String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    for (String deep : List.of(nested, objects)) {
      parseOrRefuse(place.replace("DEEP", deep));
    }
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void wellFormedPoliciesParseAsWritten(
      @ForAll("wellFormed") Map.Entry<PolicyKind, Map<String, Object>> generated)
      throws JsonProcessingException {
    PolicyKind kind = generated.getKey();
    Map<String, Object> document = generated.getValue();
    String json = JSON.writeValueAsString(document);
    Policy policy = PolicyParser.parse(json, kind);
    assertEquals(json, policy.json());
    assertEquals(document.get("Version"), policy.version());
    List<Map<String, Object>> statements = PolicyGen.statements(document);
    assertEquals(statements.size(), policy.statements().size());
    for (int i = 0; i < statements.size(); i++) {
      PolicyGen.assertReadAsWritten(statements.get(i), policy.statements().get(i));
    }
    Statistics.label("kind").collect(kind);
  }

  /**
   * Parses the text as each kind of policy; evaluates what is accepted.
   *
   * @return how many kinds accepted the text
   */
  private static int parseOrRefuse(String text) {
    int accepted = 0;
    for (PolicyKind kind : PolicyKind.values()) {
      Policy policy;
      try {
        policy = PolicyParser.parse(text, kind);
      } catch (MalformedPolicyException e) {
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().isEmpty());
        continue;
      }
      accepted++;
      evaluateEverywhere(policy, kind);
    }
    return accepted;
  }

  /** An accepted policy, whatever it says, never makes evaluation throw. */
  private static void evaluateEverywhere(Policy policy, PolicyKind kind) {
    for (PrincipalIdentity caller : PolicyGen.CALLERS.values()) {
      RequestContext context =
          RequestContext.builder("s3:GetObject", "arn:aws:s3:::b/k", caller)
              .key("aws:SourceIp", "10.1.2.3")
              .key("aws:CurrentTime", "2024-06-01T00:00:00Z")
              .key("aws:TagKeys", "team", "cost-center")
              .key("s3:max-keys", "999999999999999999999")
              .build();
      SourcedPolicy sourced =
          new SourcedPolicy(
              "fuzz",
              kind == PolicyKind.IDENTITY ? PolicyType.IDENTITY : PolicyType.RESOURCE,
              policy);
      EvaluationInput.Builder input = EvaluationInput.builder(context);
      if (kind == PolicyKind.IDENTITY) {
        input
            .identityPolicy(sourced)
            .permissionsBoundary(sourced)
            .sessionPolicies(List.of(sourced));
        PolicyEvaluator.evaluate(input.build());
      } else {
        input.resourcePolicy(sourced);
        PolicyEvaluator.evaluate(input.build());
        PolicyEvaluator.evaluateTrust(input.build());
      }
    }
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.strings().withChars("{}[]\":,\\ntrufalse0123456789.-+eE ").ofMaxLength(200),
        // Near misses of a valid document: a few characters of it, in a random order.
        Arbitraries.of(PolicyGen.SAMPLE.split(""))
            .list()
            .ofMaxSize(150)
            .map(chars -> String.join("", chars)),
        PolicyGen.weirdStrings());
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
  }

  @Provide
  Arbitrary<Integer> nestingDepths() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(1, 100)),
        Tuple.of(2, Arbitraries.integers().between(900, 1100)),
        Tuple.of(1, Arbitraries.integers().between(1100, 20_000)));
  }

  @Provide
  Arbitrary<String> nestingPlaces() {
    String statement = "{\"Effect\":\"Allow\",\"Action\":X,\"Resource\":\"*\"}";
    return Arbitraries.of(
        "DEEP",
        "{\"Version\":\"2012-10-17\",\"Statement\":DEEP}",
        "{\"Version\":DEEP,\"Statement\":" + statement.replace("X", "\"s3:*\"") + "}",
        "{\"Statement\":" + statement.replace("X", "DEEP") + "}",
        "{\"Statement\":[" + statement.replace("X", "\"s3:*\"") + ",DEEP]}",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
            + "\"Condition\":{\"StringEquals\":{\"aws:username\":DEEP}}}}",
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
            + "\"Principal\":{\"AWS\":DEEP}}}");
  }

  /**
   * Documents shaped like policies: the known elements, usually with values of the right kind and
   * sometimes with anything at all in their place, serialised and sometimes damaged afterwards.
   */
  @Provide
  Arbitrary<String> plausibleDocuments() {
    return Combinators.combine(PolicyGen.plausibleDocument(), damage())
        .as((document, damage) -> damage.apply(json(document)));
  }

  @Provide
  Arbitrary<String> nearlyValidDocuments() {
    return PolicyGen.nearlyValidDocument().map(PolicyParserPropertiesTest::json);
  }

  @Provide
  Arbitrary<String> operators() {
    return Arbitraries.of(PolicyGen.operatorNames());
  }

  @Provide
  Arbitrary<String> conditionKeys() {
    return Arbitraries.of(
        "aws:SourceIp",
        "aws:CurrentTime",
        "aws:EpochTime",
        "s3:max-keys",
        "aws:TagKeys",
        "aws:SecureTransport",
        "aws:MultiFactorAuthAge",
        "sts:ExternalId",
        "aws:RequestTag/team");
  }

  @Provide
  Arbitrary<List<String>> conditionValues() {
    return PolicyGen.fuzzValue().list().ofMinSize(1).ofMaxSize(3);
  }

  private static String json(Object document) {
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Provide
  Arbitrary<Map.Entry<PolicyKind, Map<String, Object>>> wellFormed() {
    return Arbitraries.of(PolicyKind.values())
        .flatMap(kind -> PolicyGen.validPolicy(kind).map(policy -> Map.entry(kind, policy)));
  }

  /** Text-level damage to a serialised document: none, usually. */
  private static Arbitrary<Damage> damage() {
    Arbitrary<Damage> truncate =
        Arbitraries.doubles().between(0, 1).map(f -> s -> s.substring(0, (int) (s.length() * f)));
    Arbitrary<Damage> insert =
        Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.chars().all())
            .as(
                (f, c) ->
                    s -> {
                      int at = (int) (s.length() * f);
                      return s.substring(0, at) + c + s.substring(at);
                    });
    Arbitrary<Damage> duplicateKey =
        Arbitraries.of("\"Effect\":", "\"Statement\":", "\"AWS\":", "\"Version\":")
            .map(key -> s -> s.replaceFirst("\\{", "{" + key + "\"x\","));
    Arbitrary<Damage> trailing =
        Arbitraries.of("}", "]", " {}", ",", "\u0000", "//x", "/*").map(t -> s -> s + t);
    Arbitrary<Damage> escapes =
        Arbitraries.of("\\u0000", "\\ud800", "\\udfff\\ud800", "\\u202e", "\\uFFFF", "\\x41", "\\")
            .map(e -> s -> s.replaceFirst("\"([^\"]*)\"", "\"$1" + e.replace("\\", "\\\\") + "\""));
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.just(s -> s)),
        Tuple.of(1, truncate),
        Tuple.of(1, insert),
        Tuple.of(1, duplicateKey),
        Tuple.of(1, trailing),
        Tuple.of(1, escapes));
  }

  private interface Damage {
    String apply(String json);
  }
}
