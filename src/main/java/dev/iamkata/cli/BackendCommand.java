package dev.iamkata.cli;

import dev.iamkata.backend.Backend;
import dev.iamkata.backend.BackendException;
import dev.iamkata.backend.BackendOptions;
import dev.iamkata.backend.CapabilityProbe;
import dev.iamkata.backend.ProbeTable;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kata backend}: what a backend enforces. */
@Command(
    name = "backend",
    mixinStandardHelpOptions = true,
    description = "Inspect the backend AWS calls go to.",
    subcommands = {BackendCommand.Probe.class})
final class BackendCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: probe");
  }

  @Command(
      name = "probe",
      mixinStandardHelpOptions = true,
      description = {
        "Try, as the admin, what the backend enforces: identity policies, trust policies,",
        "signatures, session expiry, clock control, snapshots, and which services answer.",
        "Prints a table; whatever it creates it deletes. Exit 0 when the probe ran."
      })
  static final class Probe implements Callable<Integer> {
    @Mixin BackendOptions backend = new BackendOptions();

    @Option(
        names = "--wait-expiry",
        description =
            "Without clock control, wait the real 15 minutes until the probe's session expires"
                + " and try it.")
    boolean waitExpiry;

    @Override
    public Integer call() {
      try (Backend b = backend.open()) {
        CapabilityProbe.Result result = new CapabilityProbe(Clock.systemUTC(), waitExpiry).run(b);
        System.out.print(ProbeTable.render(b, result));
        return 0;
      } catch (BackendException e) {
        System.err.println("kata backend probe: " + e.getMessage());
        return 1;
      }
    }
  }
}
