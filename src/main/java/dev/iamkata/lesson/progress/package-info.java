/** A learner's progress in {@code $IAM_KATA_HOME/progress.json}, written atomically. */
package dev.iamkata.lesson.progress;
