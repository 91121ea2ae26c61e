package dev.iamkata.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The building blocks under the evaluation tables: wildcards, addresses, dates, variables. */
class MatchingTest {

  @Test
  void adversarialWildcardsStayFast() {
    String pattern = "*a".repeat(40) + "*b";
    String value = "a".repeat(4000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2), () -> assertFalse(Glob.of(pattern).matches(value, false)));
  }

  @Test
  void wildcardsMatchAnyRunAndOneCharacter() {
    assertTrue(Glob.of("a*c").matches("abbbc", false));
    assertTrue(Glob.of("a*c").matches("ac", false));
    assertTrue(Glob.of("a?c").matches("abc", false));
    assertFalse(Glob.of("a?c").matches("ac", false));
    assertTrue(Glob.of("S3:Get*").matches("s3:getobject", true));
    assertFalse(Glob.of("S3:Get*").matches("s3:getobject", false));
  }

  @Test
  void ipRangesCoverTheirAddressesOnly() {
    IpRange v4 = IpRange.parse("192.0.2.0/24").orElseThrow();
    assertTrue(v4.contains("192.0.2.255"));
    assertFalse(v4.contains("192.0.3.0"));
    assertFalse(v4.contains("2001:db8::1"));
    assertTrue(IpRange.parse("0.0.0.0/0").orElseThrow().contains("8.8.8.8"));
    assertTrue(IpRange.parse("2001:DB8::/32").orElseThrow().contains("2001:db8:ffff::1"));
    assertEquals(Optional.empty(), IpRange.parse("example.com"));
    assertEquals(Optional.empty(), IpRange.parse("256.0.0.1"));
    // text InetAddress would resolve as a host name is refused before any lookup
    assertEquals(Optional.empty(), IpRange.parse(".:1"));
    assertEquals(Optional.empty(), IpRange.parse("localhost:1"));
    assertTrue(IpRange.parse("::1").isPresent());
  }

  @Test
  void datesInEveryAcceptedForm() {
    Instant newYear = Instant.parse("2020-01-01T00:00:00Z");
    assertEquals(Optional.of(newYear), DateValues.parse("1577836800"));
    assertEquals(Optional.of(newYear), DateValues.parse("2020-01-01"));
    assertEquals(Optional.of(newYear), DateValues.parse("2020-01-01T00:00:00"));
    assertEquals(Optional.of(newYear), DateValues.parse("2020-01-01t01:00:00+01:00"));
    assertEquals(
        Optional.of(newYear),
        DateValues.parse("2019-12-31T23:59:59.999999999-00:00").map(i -> i.plusNanos(1)));
    assertEquals(Optional.empty(), DateValues.parse("next tuesday"));
  }

  @Test
  void variablesResolveWithDefaultsAndEscapes() {
    RequestContext context =
        RequestContext.builder(
                "s3:GetObject",
                "*",
                PrincipalIdentity.user(
                    "arn:aws:iam::111122223333:user/alice", "AIDAALICEEXAMPLE0001", Map.of()))
            .key("s3:prefix", "a", "b")
            .build();
    assertEquals(
        "home/alice/*?$",
        PolicyVariables.resolve("home/${aws:username}/${*}${?}${$}", true, context)
            .orElseThrow()
            .text());
    assertEquals(
        "x-none",
        PolicyVariables.resolve("x-${aws:PrincipalTag/team , 'none'}", true, context)
            .orElseThrow()
            .text());
    // A multivalued key cannot be a variable.
    assertEquals(Optional.empty(), PolicyVariables.resolve("${s3:prefix}", true, context));
    assertEquals(
        "${aws:username}",
        PolicyVariables.resolve("${aws:username}", false, context).orElseThrow().text());
    assertEquals(
        "unclosed ${aws:username",
        PolicyVariables.resolve("unclosed ${aws:username", true, context).orElseThrow().text());
  }

  @Test
  void globalKeysFollowTheCaller() {
    RequestContext user =
        RequestContext.of(
            "s3:GetObject",
            "*",
            PrincipalIdentity.user(
                "arn:aws:iam::111122223333:user/division/alice",
                "AIDAALICEEXAMPLE0001",
                Map.of("team", "blue")));
    assertEquals("alice", user.values("AWS:USERNAME").get(0));
    assertEquals("User", user.values("aws:PrincipalType").get(0));
    assertEquals("blue", user.values("aws:PrincipalTag/team").get(0));
    assertEquals("false", user.values("aws:PrincipalIsAWSService").get(0));

    RequestContext service =
        RequestContext.of("sts:AssumeRole", "*", PrincipalIdentity.service("ec2.amazonaws.com"));
    assertEquals("ec2.amazonaws.com", service.values("aws:PrincipalServiceName").get(0));
    assertTrue(service.values("aws:PrincipalArn").isEmpty());

    RequestContext root =
        RequestContext.of("iam:ListUsers", "*", PrincipalIdentity.root("111122223333"));
    assertEquals("Account", root.values("aws:PrincipalType").get(0));
    assertEquals("111122223333", root.values("aws:userid").get(0));
  }
}
