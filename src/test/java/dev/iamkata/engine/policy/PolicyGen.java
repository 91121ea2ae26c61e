package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for the property-based tests: well-formed policies of each {@link PolicyKind}, drawn
 * from a small vocabulary so that statements often apply to the generated requests, and policy-like
 * documents in which any element may hold any JSON value at all.
 */
final class PolicyGen {
  static final String VERSION = "2012-10-17";

  /** A valid document, whose characters the text fuzzer reshuffles. */
  static final String SAMPLE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\","
          + "\"Action\":[\"s3:Get*\"],\"Resource\":\"arn:aws:s3:::b/${aws:username}/*\","
          + "\"Principal\":{\"AWS\":\"111122223333\"},\"Condition\":{\"IpAddress\":"
          + "{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}";

  /** The callers by name, in a fixed order so that a jqwik seed reproduces the same callers. */
  static final Map<String, PrincipalIdentity> CALLERS =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(
                  "alice",
                  PrincipalIdentity.user(
                      "arn:aws:iam::111122223333:user/alice",
                      "AIDAALICEEXAMPLE0001",
                      Map.of("team", "blue"))),
              Map.entry(
                  "dev-session",
                  PrincipalIdentity.assumedRole(
                      "arn:aws:iam::111122223333:role/dev-role",
                      "AROADEVROLEEXAMPLE01",
                      "dev-session",
                      Map.of("team", "red"))),
              Map.entry("root", PrincipalIdentity.root("111122223333")),
              Map.entry(
                  "bob",
                  PrincipalIdentity.user(
                      "arn:aws:iam::444455556666:user/Bob", "AIDABOBEXAMPLE000001", Map.of())),
              Map.entry(
                  "auditor-session",
                  PrincipalIdentity.assumedRole(
                      "arn:aws:iam::444455556666:role/auditor",
                      "AROAAUDITOREXAMPLE01",
                      "audit",
                      Map.of("team", "blue"))),
              Map.entry("other-root", PrincipalIdentity.root("444455556666")),
              Map.entry("carol", PrincipalIdentity.federatedUser("111122223333", "carol")),
              Map.entry("google", PrincipalIdentity.identityProvider("accounts.google.com")),
              Map.entry("lambda", PrincipalIdentity.service("lambda.amazonaws.com")),
              Map.entry("anonymous", PrincipalIdentity.anonymous())));

  static final List<String> ACTIONS =
      List.of(
          "s3:GetObject",
          "s3:PutObject",
          "s3:ListBucket",
          "iam:GetUser",
          "iam:CreateUser",
          "ec2:RunInstances",
          "sqs:SendMessage",
          "S3:getobject");

  static final List<String> RESOURCES =
      List.of(
          "arn:aws:s3:::b/k",
          "arn:aws:s3:::b",
          "arn:aws:s3:::b/home/alice/notes.txt",
          "arn:aws:s3:::other/k",
          "arn:aws:iam::111122223333:user/alice",
          "arn:aws:iam::111122223333:role/dev-role",
          "arn:aws:sqs:us-east-1:111122223333:q",
          "arn:aws:sqs:us-east-1:444455556666:q",
          "*");

  static final List<String> TRUST_REQUEST_ACTIONS =
      List.of("sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity");

  static final List<String> ROLES =
      List.of(
          "arn:aws:iam::111122223333:role/dev-role",
          "arn:aws:iam::111122223333:role/ops/admin-role",
          "arn:aws:iam::444455556666:role/vendor");

  private static final List<String> ACTION_PATTERNS =
      List.of(
          "*",
          "s3:*",
          "s3:Get*",
          "s3:*Object",
          "s3:?etObject",
          "s3:ListBucket",
          "iam:*",
          "iam:Get*",
          "IAM:createuser",
          "ec2:*",
          "sqs:Send*",
          "sts:AssumeRole");

  private static final List<String> RESOURCE_PATTERNS =
      List.of(
          "*",
          "arn:aws:s3:::b/*",
          "arn:aws:s3:::b",
          "arn:aws:s3:::*",
          "arn:aws:s3:::b/?",
          "arn:aws:s3:::b/home/${aws:username}/*",
          "arn:aws:s3:::b/home/${aws:username, 'nobody'}/*",
          "arn:aws:s3:::${aws:PrincipalTag/team}*",
          "arn:aws:iam::111122223333:user/*",
          "arn:aws:iam::*:role/dev-*",
          "arn:aws:sqs:*:111122223333:*",
          "arn:aws:sqs:us-east-1:*:q");

  private static final List<String> TRUST_ACTION_PATTERNS =
      List.of("sts:AssumeRole", "sts:TagSession", "sts:*", "sts:Assume*", "STS:assumerole");

  private static final List<Object> PRINCIPALS =
      List.of(
          "*",
          Map.of("AWS", "*"),
          Map.of("AWS", "111122223333"),
          Map.of("AWS", "arn:aws:iam::111122223333:root"),
          Map.of("AWS", "arn:aws:iam::444455556666:root"),
          Map.of("AWS", "arn:aws:iam::111122223333:user/alice"),
          Map.of("AWS", "arn:aws:iam::444455556666:user/Bob"),
          Map.of("AWS", "arn:aws:iam::111122223333:role/dev-role"),
          Map.of("AWS", "arn:aws:sts::111122223333:assumed-role/dev-role/dev-session"),
          Map.of("AWS", "AROADEVROLEEXAMPLE01"),
          Map.of("AWS", List.of("444455556666", "arn:aws:iam::111122223333:user/alice")),
          Map.of("Service", "lambda.amazonaws.com"),
          Map.of("Federated", "accounts.google.com"),
          Map.of("Service", "ec2.amazonaws.com", "AWS", "arn:aws:iam::444455556666:role/auditor"));

  private static final List<Object> NOT_PRINCIPALS =
      List.of(
          Map.of("AWS", List.of("arn:aws:iam::111122223333:user/alice", "111122223333")),
          Map.of("AWS", "arn:aws:iam::444455556666:user/Bob"),
          Map.of(
              "AWS",
              List.of(
                  "arn:aws:sts::111122223333:assumed-role/dev-role/dev-session",
                  "arn:aws:iam::111122223333:role/dev-role",
                  "arn:aws:iam::111122223333:root")),
          Map.of("Service", "lambda.amazonaws.com"));

  static final List<String> CONDITION_KEYS =
      List.of(
          "aws:PrincipalTag/team",
          "aws:RequestTag/team",
          "aws:SourceIp",
          "aws:CurrentTime",
          "aws:EpochTime",
          "aws:SecureTransport",
          "aws:MultiFactorAuthPresent",
          "aws:MultiFactorAuthAge",
          "aws:TagKeys",
          "aws:RequestedRegion",
          "aws:PrincipalArn",
          "aws:PrincipalAccount",
          "aws:username",
          "aws:userid",
          "s3:prefix",
          "s3:max-keys",
          "sts:ExternalId",
          "aws:PrincipalType");

  private static final List<String> STRING_VALUES =
      List.of(
          "blue",
          "red",
          "BLUE",
          "alice",
          "team",
          "cost*",
          "home/${aws:username}/*",
          "${aws:PrincipalTag/team}",
          "${aws:username, 'nobody'}",
          "us-east-1",
          "eu-*",
          "x-123",
          "AIDA*",
          "111122223333",
          "User",
          "AssumedRole",
          "arn:aws:iam::111122223333:role/*",
          "arn:aws:iam::*:user/alice",
          "true",
          "false",
          "*",
          "");

  // An EnumMap iterates in a fixed order, so a jqwik seed reproduces the same values.
  private static final Map<ValueKind, List<Object>> VALUES =
      new EnumMap<>(
          Map.of(
              ValueKind.STRING, List.copyOf(STRING_VALUES),
              ValueKind.ARN, List.copyOf(STRING_VALUES),
              ValueKind.BOOL, List.of("true", "false", true, false, "TRUE", "blue"),
              ValueKind.NUMERIC, List.of("0", "10", 3600, "-1", "1.5", "1e3"),
              ValueKind.DATE,
                  List.of(
                      "2024-01-01T00:00:00Z",
                      "2025-06-01",
                      "1700000000",
                      "2024-06-01T02:00:00+02:00"),
              ValueKind.IP,
                  List.of(
                      "10.0.0.0/8", "203.0.113.0/24", "2001:db8::/32", "192.0.2.1", "0.0.0.0/0"),
              ValueKind.BINARY, List.of("QmluYXJ5VmFsdWU=", "dGVhbQ==", ""),
              ValueKind.NULL, List.of("true", "false", true, false)));

  /** Context values of every type, so that each operator meets values it can and cannot read. */
  static final List<String> CONTEXT_VALUES =
      List.of(
          "blue",
          "red",
          "alice",
          "team",
          "cost-center",
          "home/alice/notes.txt",
          "us-east-1",
          "x-123",
          "10.1.2.3",
          "203.0.113.9",
          "2001:db8::1",
          "2024-06-01T00:00:00Z",
          "1717200000",
          "true",
          "false",
          "5",
          "3600",
          "arn:aws:iam::111122223333:role/dev-role",
          "dGVhbQ==",
          "*",
          "");

  private PolicyGen() {}

  // ---------------------------------------------------------------------------------------------
  // Well-formed policies

  static Arbitrary<Map<String, Object>> validPolicy(PolicyKind kind) {
    return Combinators.combine(
            Arbitraries.of(VERSION, VERSION, VERSION, "2008-10-17", ""),
            validStatement(kind).list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as(
            (version, statements, asArray, withSids) -> {
              Map<String, Object> policy = new LinkedHashMap<>();
              if (!version.isEmpty()) {
                policy.put("Version", version);
              }
              List<Map<String, Object>> numbered = new ArrayList<>();
              for (int i = 0; i < statements.size(); i++) {
                Map<String, Object> statement = new LinkedHashMap<>();
                if (withSids) {
                  statement.put("Sid", "S" + i);
                }
                statement.putAll(statements.get(i));
                numbered.add(statement);
              }
              policy.put("Statement", asArray || numbered.size() > 1 ? numbered : numbered.get(0));
              return policy;
            });
  }

  static Arbitrary<Map<String, Object>> validStatement(PolicyKind kind) {
    return Arbitraries.of(Effect.values()).flatMap(effect -> validStatement(kind, effect));
  }

  /** A statement IAM accepts in a policy of the kind, with the effect given. */
  static Arbitrary<Map<String, Object>> validStatement(PolicyKind kind, Effect effect) {
    Arbitrary<Optional<Map.Entry<String, Object>>> principal =
        switch (kind) {
          case IDENTITY -> Arbitraries.just(Optional.empty());
          case TRUST -> named("Principal", PRINCIPALS);
          case RESOURCE ->
              effect == Effect.DENY
                  ? Arbitraries.frequencyOf(
                      Tuple.of(3, named("Principal", PRINCIPALS)),
                      Tuple.of(1, named("NotPrincipal", NOT_PRINCIPALS)))
                  : named("Principal", PRINCIPALS);
        };
    Arbitrary<Map.Entry<String, Object>> action =
        element(
            kind == PolicyKind.TRUST ? TRUST_ACTION_PATTERNS : ACTION_PATTERNS,
            "Action",
            "NotAction");
    Arbitrary<Optional<Map.Entry<String, Object>>> resource =
        kind == PolicyKind.TRUST
            ? Arbitraries.just(Optional.empty())
            : element(RESOURCE_PATTERNS, "Resource", "NotResource").map(Optional::of);
    return Combinators.combine(principal, action, resource, conditions())
        .as(
            (p, a, r, c) -> {
              Map<String, Object> statement = new LinkedHashMap<>();
              statement.put("Effect", effect.spelling());
              p.ifPresent(e -> statement.put(e.getKey(), e.getValue()));
              statement.put(a.getKey(), a.getValue());
              r.ifPresent(e -> statement.put(e.getKey(), e.getValue()));
              if (!c.isEmpty()) {
                statement.put("Condition", c);
              }
              return statement;
            });
  }

  private static Arbitrary<Optional<Map.Entry<String, Object>>> named(
      String element, List<Object> values) {
    return Arbitraries.of(values).map(v -> Optional.of(Map.entry(element, v)));
  }

  /** An Action or Resource element, or (less often) its Not form: one string or a list. */
  private static Arbitrary<Map.Entry<String, Object>> element(
      List<String> pool, String name, String notName) {
    Arbitrary<Object> value =
        Arbitraries.oneOf(
            Arbitraries.of(pool).map(s -> (Object) s),
            Arbitraries.of(pool).list().ofMinSize(1).ofMaxSize(3).map(l -> (Object) l));
    return Combinators.combine(Arbitraries.of(name, name, name, notName), value).as(Map::entry);
  }

  /** A Condition block: operators mapped to keys mapped to one value or a list of them. */
  static Arbitrary<Map<String, Map<String, Object>>> conditions() {
    return condition()
        .list()
        .ofMaxSize(3)
        .map(
            tests -> {
              Map<String, Map<String, Object>> block = new LinkedHashMap<>();
              for (Test test : tests) {
                Object values = test.values().size() == 1 ? test.values().get(0) : test.values();
                block
                    .computeIfAbsent(test.operator(), o -> new LinkedHashMap<>())
                    .put(test.key(), values);
              }
              return block;
            });
  }

  /** One test, with values the operator accepts; non-string values may be JSON numbers. */
  private static Arbitrary<Test> condition() {
    Arbitrary<ConditionOperator> operator =
        Combinators.combine(
                Arbitraries.of(ConditionOperator.SetQualifier.values()),
                Arbitraries.of(BaseOperator.values()),
                Arbitraries.of(false, false, true))
            .as(
                (q, base, ifExists) ->
                    new ConditionOperator(q, base, ifExists && base != BaseOperator.NULL));
    return operator.flatMap(
        op ->
            Combinators.combine(
                    Arbitraries.of(CONDITION_KEYS),
                    Arbitraries.of(VALUES.get(op.base().kind())).list().ofMinSize(1).ofMaxSize(3))
                .as((key, values) -> new Test(op.name(), key, values)));
  }

  /** One condition test as written: values keep their JSON type (string, number, boolean). */
  private record Test(String operator, String key, List<Object> values) {}

  static List<Map<String, Object>> statements(Map<String, Object> policy) {
    Object statement = policy.get("Statement");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list =
        statement instanceof List<?> l
            ? (List<Map<String, Object>>) l
            : List.of((Map<String, Object>) statement);
    return list;
  }

  /** The parsed statement holds exactly what the generated one says. */
  static void assertReadAsWritten(Map<String, Object> written, Statement read) {
    assertEquals(written.get("Sid"), read.sid(), "Sid");
    assertEquals(written.get("Effect"), read.effect().spelling(), "Effect");
    assertEquals(texts(written.get("Action")), read.actions(), "Action");
    assertEquals(texts(written.get("NotAction")), read.notActions(), "NotAction");
    assertEquals(texts(written.get("Resource")), read.resources(), "Resource");
    assertEquals(texts(written.get("NotResource")), read.notResources(), "NotResource");
    assertEquals(principals(written.get("Principal")), read.principal(), "Principal");
    assertEquals(principals(written.get("NotPrincipal")), read.notPrincipal(), "NotPrincipal");
    List<String> conditions = new ArrayList<>();
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> block =
        (Map<String, Map<String, Object>>) written.getOrDefault("Condition", Map.of());
    block.forEach(
        (operator, tests) ->
            tests.forEach(
                (key, values) -> conditions.add(operator + " " + key + " " + texts(values))));
    assertEquals(
        conditions,
        read.conditions().stream()
            .map(c -> c.operator().name() + " " + c.key() + " " + c.values())
            .toList(),
        "Condition");
  }

  private static Optional<Principals> principals(Object element) {
    if (element == null) {
      return Optional.empty();
    }
    if ("*".equals(element)) {
      return Optional.of(Principals.ANYONE);
    }
    Map<?, ?> map = (Map<?, ?>) element;
    return Optional.of(
        new Principals(
            false,
            texts(map.get("AWS")),
            texts(map.get("Service")),
            texts(map.get("Federated")),
            texts(map.get("CanonicalUser"))));
  }

  /** A JSON string, number or boolean, or a list of them, as the parser's list of texts. */
  static List<String> texts(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }

  // ---------------------------------------------------------------------------------------------
  // Documents that only look like policies

  private static final List<String> OPERATOR_NAMES =
      Stream.concat(
              Stream.of(BaseOperator.values())
                  .flatMap(
                      base ->
                          Stream.of("", "ForAllValues:", "ForAnyValue:")
                              .flatMap(
                                  q ->
                                      Stream.of(
                                          q + base.operatorName(),
                                          q + base.operatorName() + "IfExists"))),
              Stream.of(
                  "StringEqualz",
                  "stringequals",
                  "ForAllValues:",
                  "ForAnyValue:ForAllValues:StringEquals",
                  "IfExists",
                  "ForAllValues:IfExists",
                  "",
                  "Null:"))
          .toList();

  /** Strings that have broken parsers before: odd Unicode, escapes, numbers out of range. */
  private static final List<String> ODD =
      List.of(
          "",
          " ",
          "\u0000",
          "\uD800",
          "\uDFFF",
          "\uDBFF\uDFFF",
          "\u202E",
          "\uFEFF",
          "\u0301",
          "\u2126",
          "\u212A",
          "\u0130",
          "\u00DF",
          "\uFB00",
          "\uD83D\uDE00",
          "\n",
          "\\",
          "\"",
          "%",
          "${",
          "${}",
          "${${}}",
          "${aws:username",
          "${aws:username, }",
          "${aws:username, '}",
          "${*}${?}${$}",
          "*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?*?",
          "999999999999999999",
          "-999999999999999999",
          "9223372036854775808",
          "1e999999",
          "1e2147483648",
          "-0",
          "NaN",
          "Infinity",
          "0x10",
          "1_000",
          "2024-13-45T25:61:61Z",
          "+999999999-12-31T23:59:59Z",
          "-999999999-01-01",
          "2024-02-30",
          "2024-01-01t00:00:00z",
          "10.0.0.0/33",
          "10.0.0.0/-1",
          "10.0.0.0/999999999999",
          "256.0.0.1",
          "::1/129",
          "1::2::3",
          "::ffff:10.0.0.1/128",
          ":::::::::::",
          "fe80::1%eth0",
          "[::1]",
          "localhost",
          "QUJD",
          "===",
          "arn",
          "arn:",
          "arn::",
          "arn:aws",
          "arn:aws:",
          "arn:aws::",
          "arn:aws:s3::",
          "arn:aws:s3:::",
          "arn:*:s3:::b",
          "arn:aws-cn:s3:::b",
          "::::::",
          "arn:aws:iam::111122223333:root",
          "arn:aws:iam::111122223333:user/*",
          "AIDAAAAAAAAAAAAA",
          "lambda.amazonaws.com",
          "LAMBDA.amazonaws.com",
          "*.amazonaws.com",
          "s3",
          "s3:Get:Object",
          "*:Get",
          "s?:Get",
          "s 3:Get",
          ":",
          "Allow",
          "Deny",
          "allow",
          "DENY",
          "2012-10-17",
          "2008-10-17");

  static Arbitrary<String> weirdStrings() {
    Arbitrary<String> odd = Arbitraries.of(ODD);
    Arbitrary<String> vocabulary =
        Arbitraries.of(
            Stream.of(ACTION_PATTERNS, RESOURCE_PATTERNS, STRING_VALUES, CONDITION_KEYS, ACTIONS)
                .flatMap(List::stream)
                .toList());
    Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(24);
    Arbitrary<String> single = Arbitraries.oneOf(odd, vocabulary, random);
    return Arbitraries.frequencyOf(
        Tuple.of(4, single),
        Tuple.of(1, single.list().ofMinSize(2).ofMaxSize(4).map(parts -> String.join("", parts))));
  }

  /** Any JSON value: scalars of every type, and arrays and objects of them a few levels deep. */
  static Arbitrary<Object> anyJson() {
    Arbitrary<Object> scalar =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(null)),
            Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
            Tuple.of(1, Arbitraries.integers().map(i -> (Object) i)),
            Tuple.of(1, Arbitraries.longs().map(l -> (Object) l)),
            Tuple.of(1, Arbitraries.doubles().map(d -> (Object) d)),
            Tuple.of(
                1,
                Arbitraries.of(
                    new BigInteger("123456789012345678901234567890123456789"),
                    new BigDecimal("1E+9999"),
                    new BigDecimal("-1E-9999"),
                    new BigDecimal("0.000000000000000000000000001"),
                    Double.NaN,
                    Double.POSITIVE_INFINITY,
                    -0.0)),
            Tuple.of(4, weirdStrings().map(s -> (Object) s)));
    return Arbitraries.recursive(
        () -> scalar,
        inner ->
            Arbitraries.oneOf(
                scalar,
                inner.list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(keys(), inner).ofMaxSize(3).map(m -> (Object) m)),
        0,
        3);
  }

  private static Arbitrary<String> keys() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "Version",
            "Id",
            "Statement",
            "Sid",
            "Effect",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Principal",
            "NotPrincipal",
            "Condition",
            "AWS",
            "Service",
            "Federated",
            "CanonicalUser",
            "aws:SourceIp"),
        Arbitraries.of(OPERATOR_NAMES),
        weirdStrings());
  }

  /** Usually a plausible value for the element, sometimes any JSON at all. */
  private static Arbitrary<Object> or(Arbitrary<?> plausible) {
    return Arbitraries.frequencyOf(
        Tuple.of(5, plausible.map(v -> (Object) v)), Tuple.of(1, anyJson()));
  }

  private static Arbitrary<Object> oneOrMany(Arbitrary<?> item) {
    return Arbitraries.frequencyOf(
        Tuple.of(3, item.map(v -> (Object) v)),
        Tuple.of(2, item.list().ofMaxSize(4).map(l -> (Object) l)));
  }

  private static Arbitrary<String> pick(List<String> plausible) {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(plausible)), Tuple.of(1, weirdStrings()));
  }

  static Arbitrary<Object> plausibleDocument() {
    Arbitrary<Object> statement = plausibleStatement();
    Arbitrary<Object> statements =
        Arbitraries.frequencyOf(
            Tuple.of(3, statement),
            Tuple.of(3, statement.list().ofMaxSize(4).map(l -> (Object) l)));
    return object(
        List.of(
            optional("Version", or(pick(List.of(VERSION, "2008-10-17", "2012-10-18"))), 0.8),
            optional("Id", or(weirdStrings()), 0.2),
            optional("Statement", or(statements), 0.95),
            optional("Extra", anyJson(), 0.05)));
  }

  private static Arbitrary<Object> plausibleStatement() {
    Arbitrary<Object> principalValue =
        Arbitraries.oneOf(
            Arbitraries.just("*"),
            Arbitraries.maps(
                    pick(List.of("AWS", "Service", "Federated", "CanonicalUser")),
                    or(
                        oneOrMany(
                            pick(
                                List.of(
                                    "*",
                                    "111122223333",
                                    "arn:aws:iam::111122223333:root",
                                    "arn:aws:iam::111122223333:user/alice",
                                    "arn:aws:sts::111122223333:assumed-role/r/s",
                                    "AROAAAAAAAAAAAAAAAAA",
                                    "lambda.amazonaws.com",
                                    "accounts.google.com")))))
                .ofMaxSize(3)
                .map(m -> (Object) m));
    Arbitrary<Object> conditionValue =
        or(
            oneOrMany(
                Arbitraries.oneOf(
                    weirdStrings(),
                    Arbitraries.of(VALUES.values().stream().flatMap(List::stream).toList()),
                    Arbitraries.integers().map(i -> (Object) i))));
    Arbitrary<Object> condition =
        Arbitraries.maps(
                pick(OPERATOR_NAMES),
                or(
                    Arbitraries.maps(pick(CONDITION_KEYS), conditionValue)
                        .ofMaxSize(3)
                        .map(m -> (Object) m)))
            .ofMaxSize(3)
            .map(m -> (Object) m);
    Arbitrary<Object> actions = or(oneOrMany(pick(ACTION_PATTERNS)));
    Arbitrary<Object> resources = or(oneOrMany(pick(RESOURCE_PATTERNS)));
    return object(
        List.of(
            optional("Sid", or(weirdStrings()), 0.3),
            optional("Effect", or(pick(List.of("Allow", "Deny"))), 0.95),
            optional("Action", actions, 0.7),
            optional("NotAction", actions, 0.2),
            optional("Resource", resources, 0.7),
            optional("NotResource", resources, 0.2),
            optional("Principal", or(principalValue), 0.4),
            optional("NotPrincipal", or(principalValue), 0.1),
            optional("Condition", or(condition), 0.4),
            optional("Other", anyJson(), 0.03)));
  }

  private static Arbitrary<Optional<Map.Entry<String, Object>>> optional(
      String key, Arbitrary<Object> value, double presence) {
    return value.map(v -> Map.entry(key, v == null ? NULL : v)).optional(presence);
  }

  /** Stands for JSON null inside {@link Map#entry}, which refuses null. */
  private static final Object NULL = new Object();

  private static Arbitrary<Object> object(
      List<Arbitrary<Optional<Map.Entry<String, Object>>>> entries) {
    return Combinators.combine(entries)
        .as(
            present -> {
              Map<String, Object> map = new LinkedHashMap<>();
              for (Optional<Map.Entry<String, Object>> entry : present) {
                entry.ifPresent(
                    e -> map.put(e.getKey(), e.getValue() == NULL ? null : e.getValue()));
              }
              return map;
            });
  }

  // ---------------------------------------------------------------------------------------------
  // Well-formed documents with a few mistakes: they get past the early checks and reach the
  // validation of principals, conditions, actions and resources.

  static Arbitrary<Object> nearlyValidDocument() {
    return Combinators.combine(
            Arbitraries.of(PolicyKind.values()).flatMap(PolicyGen::validPolicy),
            mutation().list().ofMinSize(1).ofMaxSize(3))
        .as(
            (document, mutations) -> {
              Object copy = copy(document);
              for (Mutation mutation : mutations) {
                copy = mutation.apply(copy);
              }
              return copy;
            });
  }

  private enum Edit {
    REPLACE,
    REMOVE,
    ADD_KEY,
    RENAME_KEY,
    WRAP_IN_LIST,
    DUPLICATE,
    CHANGE_CASE
  }

  /**
   * One edit at one place in a document: {@code where} picks the node among all of them in document
   * order.
   */
  private record Mutation(double where, Edit edit, Object value, String key) {
    Object apply(Object root) {
      List<Slot> slots = new ArrayList<>();
      collect(root, null, null, slots);
      Slot slot = slots.get(Math.min((int) (where * slots.size()), slots.size() - 1));
      if (slot.parent() == null) {
        return edit == Edit.WRAP_IN_LIST ? new ArrayList<>(Arrays.asList(root)) : value;
      }
      slot.apply(edit, value, key);
      return root;
    }
  }

  /** A place in a document: a key of an object or an index of an array, or the root. */
  private record Slot(Object parent, Object at) {
    @SuppressWarnings("unchecked")
    void apply(Edit edit, Object value, String key) {
      if (parent instanceof Map<?, ?> m) {
        Map<String, Object> map = (Map<String, Object>) m;
        String name = (String) at;
        Object current = map.get(name);
        switch (edit) {
          case REPLACE -> map.put(name, value);
          case REMOVE -> map.remove(name);
          case ADD_KEY -> map.put(key, value);
          case RENAME_KEY -> map.put(renamed(name, key), map.remove(name));
          case WRAP_IN_LIST -> map.put(name, new ArrayList<>(Arrays.asList(current)));
          case DUPLICATE -> map.put(renamed(name, key), copy(current));
          case CHANGE_CASE -> {
            map.remove(name);
            map.put(flipCase(name), current instanceof String t ? flipCase(t) : current);
          }
        }
      } else {
        List<Object> list = (List<Object>) parent;
        int index = (Integer) at;
        Object current = list.get(index);
        switch (edit) {
          case REPLACE, ADD_KEY -> list.set(index, value);
          case REMOVE -> list.remove(index);
          case RENAME_KEY, DUPLICATE -> list.add(index, copy(current));
          case WRAP_IN_LIST -> list.set(index, new ArrayList<>(Arrays.asList(current)));
          case CHANGE_CASE -> list.set(index, current instanceof String t ? flipCase(t) : current);
        }
      }
    }
  }

  /** Another element's name, its Not form, or the key given. */
  private static String renamed(String name, String key) {
    if (key.length() % 3 == 0) {
      return name.startsWith("Not") ? name.substring(3) : "Not" + name;
    }
    return key;
  }

  private static String flipCase(String text) {
    StringBuilder flipped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      flipped.append(
          Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return flipped.toString();
  }

  private static void collect(Object node, Object parent, Object at, List<Slot> slots) {
    slots.add(new Slot(parent, at));
    if (node instanceof Map<?, ?> map) {
      for (Object key : new ArrayList<>(map.keySet())) {
        collect(map.get(key), node, key, slots);
      }
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collect(list.get(i), node, i, slots);
      }
    }
  }

  /** A mutable deep copy of generated JSON. */
  private static Object copy(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, copy(v)));
      return copy;
    }
    if (node instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(copy(item)));
      return copy;
    }
    return node;
  }

  private static Arbitrary<Mutation> mutation() {
    return Combinators.combine(
            Arbitraries.doubles().between(0, 1),
            Arbitraries.of(Edit.values()),
            Arbitraries.frequencyOf(
                Tuple.of(2, fuzzValue().map(v -> (Object) v)), Tuple.of(1, anyJson())),
            keys())
        .as(Mutation::new);
  }

  // ---------------------------------------------------------------------------------------------
  // Condition values

  /** Condition values of every type, including near misses and values out of range. */
  static Arbitrary<String> fuzzValue() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25);
    Arbitrary<String> number =
        Combinators.combine(
                Arbitraries.of("", "-", "+"),
                digits,
                Arbitraries.of("", "", ".5", "e", "e-", "E+"),
                Arbitraries.of("", "", "0", "10", "2147483648", "999999999"))
            .as(
                (sign, d, exponent, power) ->
                    sign + d + exponent + (exponent.isEmpty() ? "" : power));
    Arbitrary<String> date =
        Combinators.combine(
                Arbitraries.integers().between(-1, 99999),
                Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32),
                Arbitraries.of(
                    "", "T00:00:00Z", "T23:59:59+14:00", "T24:00:00", "t12:00:00z", "T1"))
            .as((y, m, d, time) -> String.format("%04d-%02d-%02d%s", y, m, d, time));
    Arbitrary<String> ipv4 =
        Combinators.combine(
                Arbitraries.integers().between(0, 300).list().ofMinSize(1).ofMaxSize(5),
                Arbitraries.of("", "/0", "/8", "/32", "/33", "/", "/-1", "/007"))
            .as(
                (octets, prefix) ->
                    String.join(".", octets.stream().map(String::valueOf).toList()) + prefix);
    Arbitrary<String> ipv6 =
        Combinators.combine(
                Arbitraries.strings().withChars("0123456789abcdefABCDEF:.").ofMaxLength(30),
                Arbitraries.of("", "/64", "/128", "/129", "%eth0"))
            .as((address, suffix) -> address + suffix);
    Arbitrary<String> base64 =
        Arbitraries.strings()
            .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_")
            .ofMaxLength(16);
    return Arbitraries.oneOf(
        number,
        date,
        ipv4,
        ipv6,
        base64,
        weirdStrings(),
        Arbitraries.of(
            VALUES.values().stream().flatMap(List::stream).map(String::valueOf).toList()));
  }

  static List<String> operatorNames() {
    return OPERATOR_NAMES;
  }

  // ---------------------------------------------------------------------------------------------
  // Statements aimed at one request, so that generated policy sets often decide it

  /**
   * A statement whose action and resource cover the request (or all of its service, or everything),
   * with a principal that is often everyone, and usually no condition.
   */
  static Arbitrary<Map<String, Object>> aimedAt(
      PolicyKind kind, Effect effect, String action, String resource) {
    String service = action.substring(0, action.indexOf(':'));
    // A trust policy may only name the session actions: no "*".
    Arbitrary<Object> actions =
        kind == PolicyKind.TRUST
            ? Arbitraries.of(action, "sts:*")
            : Arbitraries.of(action, "*", service + ":*");
    Arbitrary<Object> resources = Arbitraries.of(resource, "*");
    Arbitrary<Object> principal =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of("*", Map.of("AWS", "*"))),
            Tuple.of(3, Arbitraries.of(PRINCIPALS)));
    Arbitrary<Map<String, Map<String, Object>>> conditions =
        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Map.of())), Tuple.of(1, conditions()));
    return Combinators.combine(actions, resources, principal, conditions)
        .as(
            (a, r, p, c) -> {
              Map<String, Object> statement = new LinkedHashMap<>();
              statement.put("Effect", effect.spelling());
              if (kind != PolicyKind.IDENTITY) {
                statement.put("Principal", p);
              }
              statement.put("Action", a);
              if (kind != PolicyKind.TRUST) {
                statement.put("Resource", r);
              }
              if (!c.isEmpty()) {
                statement.put("Condition", c);
              }
              return statement;
            });
  }

  /** A statement for a policy of the kind: often aimed at the request, otherwise anything valid. */
  static Arbitrary<Map<String, Object>> statementFor(
      PolicyKind kind, Effect effect, String action, String resource) {
    if (kind == PolicyKind.TRUST && !action.startsWith("sts:")) {
      return validStatement(kind, effect);
    }
    return Arbitraries.frequencyOf(
        Tuple.of(1, aimedAt(kind, effect, action, resource)),
        Tuple.of(1, validStatement(kind, effect)));
  }

  static Arbitrary<Map<String, Object>> statementFor(
      PolicyKind kind, String action, String resource) {
    // Mostly Allow: an aimed Deny decides the request on its own, so fewer keep outcomes mixed.
    return Arbitraries.of(Effect.ALLOW, Effect.ALLOW, Effect.ALLOW, Effect.DENY)
        .flatMap(effect -> statementFor(kind, effect, action, resource));
  }
}
