/**
 * The lesson model: immutable records for a lesson as written in {@code lessons/<id>/lesson.yaml}
 * (see docs/lesson-format.md). No I/O here; {@code lesson.load} builds these.
 */
package dev.iamkata.lesson.model;
