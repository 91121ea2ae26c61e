package dev.iamkata.lesson.check;

/** How a check ended. Five distinct results, never folded into one. */
public enum CheckStatus {
  PASS,
  FAIL,
  /** The check itself could not run (a backend error, an unreadable file). */
  ERROR,
  /** The check did not finish within its time limit. */
  TIMEOUT,
  /** The backend lacks a capability the check needs. */
  SKIPPED
}
