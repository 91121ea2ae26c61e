/** The {@code kata} command line: picocli commands that start the engine and talk to it. */
package dev.iamkata.cli;
