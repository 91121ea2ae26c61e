/**
 * The UI's ports implemented over the lesson code: the catalog and progress from {@code
 * dev.iamkata.lesson}, texts picked in the learner's language and placeholders filled in.
 */
package dev.iamkata.tui.adapt;
