package dev.iamkata.lesson;

import java.time.Duration;
import java.util.List;

/**
 * What running one command line gave: what a terminal would have shown, and the AWS calls the line
 * made, for checks that ask what the learner ran.
 *
 * @param line the line as run
 * @param exitCode the exit code (the aws CLI's: 0, 252, 253, 254, 255)
 * @param stdout everything printed on standard output
 * @param stderr everything printed on standard error
 * @param took how long the line took
 * @param awsCalls the aws CLI invocations the line made, in order (none for {@code export})
 */
public record CommandResult(
    String line,
    int exitCode,
    String stdout,
    String stderr,
    Duration took,
    List<AwsCall> awsCalls) {

  public CommandResult {
    awsCalls = List.copyOf(awsCalls);
  }

  public boolean ok() {
    return exitCode == 0;
  }
}
