package dev.iamkata.tui.model;

/** The five results a check can end with; never folded into fewer. */
public enum CheckOutcome {
  PASS,
  FAIL,
  ERROR,
  TIMEOUT,
  SKIPPED
}
