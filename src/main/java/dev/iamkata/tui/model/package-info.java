/**
 * What the screens show, as plain records already in the learner's language, and the two ports the
 * UI drives: {@link dev.iamkata.tui.model.Curriculum} (the catalog) and {@link
 * dev.iamkata.tui.model.LessonSession} (one lesson being done). Adapters over the lesson runner
 * implement them; tests implement them in memory, so every screen is testable without a backend.
 */
package dev.iamkata.tui.model;
