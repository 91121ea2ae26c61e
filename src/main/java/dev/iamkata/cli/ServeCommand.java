package dev.iamkata.cli;

import dev.iamkata.workshop.Workshop;
import dev.iamkata.workshop.WorkshopHttp;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kata serve}: a workshop server for a room of learners. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Host a workshop: one engine, an isolated pair of accounts per learner, a live dashboard.",
      "State is kept in a SQLite file; start again with the same --workshop to resume."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Dashboard and API port (default 7070).")
  int port = 7070;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on (default 127.0.0.1; others print a warning).")
  String bind = "127.0.0.1";

  @Option(names = "--workshop", paramLabel = "NAME", description = "The workshop's name.")
  String workshop = "workshop";

  @Option(
      names = "--lessons",
      paramLabel = "ID,...",
      split = ",",
      description = "The lessons learners may take (default: any).")
  String[] lessons = new String[0];

  @Option(
      names = "--db",
      paramLabel = "FILE",
      description = "The workshop database (default $IAM_KATA_HOME/workshops/NAME.db).")
  Path db;

  @Option(
      names = "--engine-port",
      paramLabel = "N",
      description = "The engine's port for a new workshop (default: any free port).")
  int enginePort = 0;

  @Override
  public Integer call() throws Exception {
    if (!workshop.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
      System.err.println("kata serve: --workshop must be letters, digits, '.', '_' or '-'");
      return 2;
    }
    InetAddress address = InetAddress.getByName(bind);
    String warning = ServeAddress.warning(address);
    if (warning != null) {
      System.err.println(warning);
    }
    Path file =
        db != null ? db : ShellCli.kataHome().resolve("workshops").resolve(workshop + ".db");
    Set<String> allowed = new LinkedHashSet<>(Arrays.asList(lessons));
    Clock clock = Clock.systemUTC();
    Workshop w = Workshop.open(file, workshop, enginePort, address, allowed, clock);
    WorkshopHttp http = WorkshopHttp.start(w, address, port, clock);
    ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor();
    saver.scheduleWithFixedDelay(
        () -> {
          try {
            w.persistEngineIfChanged();
          } catch (Exception e) {
            System.err.println("kata serve: could not save the engine state: " + e.getMessage());
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  saver.shutdownNow();
                  http.close();
                  w.close();
                  stopped.countDown();
                }));
    String host = ServeAddress.advertised(address, ServeAddress.localAddresses());
    System.out.println("workshop: " + w.name() + " (" + file + ")");
    System.out.println("engine: http://" + host + ":" + w.enginePort());
    System.out.println(
        "instructor dashboard: http://"
            + host
            + ":"
            + http.port()
            + "/?token="
            + w.instructorToken());
    System.out.println("join code: " + w.joinCode());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
