/**
 * Loading lessons: YAML with every node's position, bound into {@code lesson.model} records with
 * every problem reported as {@code FILE:LINE:COL: message} (never a stack trace).
 */
package dev.iamkata.lesson.load;
