/**
 * The lesson runner: {@link dev.iamkata.lesson.run.LessonRunner} drives one lesson against a
 * backend through a {@link dev.iamkata.lesson.CommandRunner} and tells views what happens as {@link
 * dev.iamkata.lesson.run.LessonEvent}s. No UI here.
 */
package dev.iamkata.lesson.run;
