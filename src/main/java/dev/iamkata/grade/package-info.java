/**
 * Grading: runs a learner's script through the lesson runner on a fresh backend and reports every
 * check as {@link dev.iamkata.grade.Status PASS, FAIL, ERROR, TIMEOUT or SKIPPED} in JUnit XML,
 * JSON, TAP 14, Exercism's {@code results.json} or plain text. The report model ({@link
 * dev.iamkata.grade.GradeReport}) and its writers are pure; only {@link dev.iamkata.grade.GradeJob}
 * touches files.
 */
package dev.iamkata.grade;
