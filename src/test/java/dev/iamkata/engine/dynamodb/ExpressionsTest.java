package dev.iamkata.engine.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamkata.engine.api.AwsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ExpressionsTest {
  static final Map<String, AttributeValue> ITEM =
      Map.of(
          "pk", AttributeValue.fromS("user#1"),
          "n", AttributeValue.fromN("10"),
          "tags", AttributeValue.fromSs(List.of("a", "b")),
          "m", AttributeValue.fromM(Map.of("x", AttributeValue.fromN("1.0"))),
          "l", AttributeValue.fromL(List.of(AttributeValue.fromS("first"))));

  static boolean test(String expr, Map<String, AttributeValue> values) {
    return Expressions.condition(expr, Map.of("#n", "n"), values).test(ITEM);
  }

  static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  @Test
  void comparisonsAndLogic() {
    assertTrue(test("#n = :v", Map.of(":v", n("10.00"))));
    assertTrue(test("n > :a AND n <= :b", Map.of(":a", n("9"), ":b", n("10"))));
    assertTrue(test("n BETWEEN :a AND :b", Map.of(":a", n("1"), ":b", n("10"))));
    assertFalse(test("NOT (n <> :v)", Map.of(":v", n("11"))));
    assertTrue(test("n < :a OR n IN (:b, :c)", Map.of(":a", n("1"), ":b", n("2"), ":c", n("10"))));
    assertTrue(
        test(
            "m.x = :one AND l[0] = :f",
            Map.of(":one", n("1"), ":f", AttributeValue.fromS("first"))));
  }

  @Test
  void functions() {
    assertTrue(test("begins_with(pk, :p)", Map.of(":p", AttributeValue.fromS("user#"))));
    assertTrue(test("contains(tags, :t)", Map.of(":t", AttributeValue.fromS("b"))));
    assertTrue(test("attribute_exists(pk) AND attribute_not_exists(nope)", Map.of()));
    assertTrue(test("size(tags) = :two", Map.of(":two", n("2"))));
  }

  @Test
  void undefinedPlaceholdersAndSyntaxErrors() {
    AwsException e = assertThrows(AwsException.class, () -> test("n = :missing", Map.of()));
    assertEquals(
        "Invalid expression: An expression attribute value used in expression is not defined;"
            + " attribute value: :missing",
        e.getMessage());
    assertThrows(AwsException.class, () -> test("#x = :v", Map.of(":v", n("1"))));
    assertThrows(AwsException.class, () -> test("n = = :v", Map.of(":v", n("1"))));
    assertThrows(AwsException.class, () -> test("n = :v extra", Map.of(":v", n("1"))));
  }

  @Test
  void updates() {
    Map<String, AttributeValue> out =
        Expressions.update(
            "SET n = n - :d, c = if_not_exists(c, :zero) + :d, l = list_append(l, :more)"
                + " REMOVE tags, m",
            Map.of(),
            Map.of(
                ":d",
                n("3"),
                ":zero",
                n("0"),
                ":more",
                AttributeValue.fromL(List.of(AttributeValue.fromS("second")))),
            ITEM);
    assertEquals(n("7"), out.get("n"));
    assertEquals(n("3"), out.get("c"));
    assertEquals(2, out.get("l").l().size());
    assertFalse(out.containsKey("tags"));
    assertFalse(out.containsKey("m"));
    assertThrows(
        AwsException.class, () -> Expressions.update("ADD n :d", Map.of(), Map.of(), ITEM));
  }
}
