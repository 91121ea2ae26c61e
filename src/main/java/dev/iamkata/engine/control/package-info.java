/** The engine's own control API under {@code /_kata/}: clock, snapshot, restore, reset. */
package dev.iamkata.engine.control;
