/**
 * The full-screen text UI of iam-kata: Lanterna screens (start, catalog, lesson, finish) over the
 * lesson runner, handing the terminal to the JLine shell for the hands-on part. It imports {@code
 * lesson} and {@code shell}; nothing imports it but the command line.
 */
package dev.iamkata.tui;
