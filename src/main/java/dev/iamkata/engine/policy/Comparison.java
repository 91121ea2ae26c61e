package dev.iamkata.engine.policy;

/** The positive comparison of one policy value with one context value. */
@FunctionalInterface
interface Comparison {
  boolean test(ResolvedText expected, String actual);
}
