/**
 * Check evaluation: {@code learner-ran}, {@code probe}, {@code state} and {@code file} checks give
 * PASS, FAIL, ERROR, TIMEOUT or SKIPPED with expected/actual texts in English and Japanese.
 */
package dev.iamkata.lesson.check;
