/**
 * Workshop mode: {@code kata serve} hosts one engine for a room, gives every learner their own
 * accounts in it, and shows the instructor live progress; {@code kata join} runs a lesson locally
 * against the learner's accounts and reports progress. See docs/workshop.md.
 */
package dev.iamkata.workshop;
