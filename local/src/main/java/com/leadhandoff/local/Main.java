package com.leadhandoff.local;

import com.leadhandoff.local.run.RunCommand;
import com.leadhandoff.local.transport.SdkTransport;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local/target/lead-handoff-local.jar [options]}: runs the project's template on
 * this machine until Ctrl-C.
 *
 * <pre>
 *   --port N          HTTP port (default 3000; 0 picks a free one)
 *   --project DIR     folder holding template.yaml (default: the current folder)
 *   --data-dir DIR    where tables and state are kept (default: PROJECT/.local-data)
 *   --in-memory       keep nothing between runs
 *   --dynamodb-endpoint URL  use that DynamoDB (LocalStack, a region) instead of serving tables
 *   --time-scale N    run the clock N times faster (demo: 60 makes 15 minutes pass in 15 s)
 *   --start-time T    start the clock at instant T (e.g. 2026-11-23T09:00:00Z) instead of now
 *   --param Name=Value  override a template parameter (repeatable)
 *   --forward-events URL  POST every event put on a bus, as JSON, to this webhook
 *   --sdk-transport in-process|socket  how the functions' SDK calls reach the runtime's services
 *   --help            print the options
 * </pre>
 *
 * <p>{@code run FILE.asl.json [--input JSON] [--virtual-clock]} runs one definition instead.
 */
public final class Main {
  /** What {@code --help} prints, and a refused command line after its error. */
  static final String HELP =
      """
      usage: java -jar lead-handoff-local.jar [options]
         or: java -jar lead-handoff-local.jar run FILE.asl.json [--input JSON] [--virtual-clock]

        --port N                 HTTP port (default 3000; 0 picks a free one)
        --project DIR            folder holding template.yaml (default: the current folder)
        --data-dir DIR           where tables and state are kept (default: PROJECT/.local-data)
        --in-memory              keep nothing between runs
        --dynamodb-endpoint URL  use that DynamoDB (LocalStack, a region) instead of serving tables
        --time-scale N           run the clock N times faster (60: 15 minutes pass in 15 s)
        --start-time T           start the clock at instant T (e.g. 2026-11-23T09:00:00Z)
        --param Name=Value       override a template parameter (repeatable)
        --forward-events URL     POST every event put on a bus, as JSON, to this webhook
        --sdk-transport MODE     how the functions' SDK calls reach the runtime's own services:
                                 in-process (default) hands each request to the service's handler
                                 in this JVM, no socket; socket sends it over HTTP on localhost,
                                 as on Lambda (calls to any other endpoint always go over HTTP)
        --help                   print this
      """;

  private Main() {}

  /**
   * Starts the runtime and waits for Ctrl-C; or, as {@code run FILE.asl.json …}, runs that
   * definition once and exits with its outcome ({@link RunCommand}).
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && "run".equals(args[0])) {
      String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
      System.exit(RunCommand.execute(rest, System.out, System.err));
      return;
    }
    if (java.util.Arrays.asList(args).contains("--help")) {
      System.out.print(HELP);
      return;
    }
    LocalRuntime.Builder builder;
    try {
      builder = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(HELP);
      System.exit(2);
      return;
    }
    LocalRuntime runtime;
    try {
      runtime = builder.start();
    } catch (RuntimeException e) {
      System.err.println("The local runtime could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runtime.close();
                  stopped.countDown();
                },
                "local-runtime-shutdown"));
    System.out.println("Press Ctrl-C to stop.");
    stopped.await();
  }

  static LocalRuntime.Builder parse(String[] args) {
    LocalRuntime.Builder builder = LocalRuntime.builder();
    Path project = Path.of("").toAbsolutePath();
    Path dataDir = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--port" -> builder.port(integer(arg, value(args, ++i, arg)));
        case "--project" -> project = Path.of(value(args, ++i, arg)).toAbsolutePath();
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
        case "--in-memory" -> builder.inMemory(true);
        case "--dynamodb-endpoint" -> builder.dynamoEndpoint(endpoint(arg, value(args, ++i, arg)));
        case "--time-scale" -> builder.timeScale(number(arg, value(args, ++i, arg)));
        case "--start-time" -> builder.startTime(instant(arg, value(args, ++i, arg)));
        case "--forward-events" -> builder.forwardEvents(endpoint(arg, value(args, ++i, arg)));
        case "--sdk-transport" -> builder.sdkTransport(SdkTransport.of(value(args, ++i, arg)));
        case "--param" -> {
          String pair = value(args, ++i, arg);
          int equals = pair.indexOf('=');
          if (equals <= 0) {
            throw new IllegalArgumentException("--param needs Name=Value, got '" + pair + "'");
          }
          builder.parameter(pair.substring(0, equals), pair.substring(equals + 1));
        }
        default -> throw new IllegalArgumentException("Unknown option " + arg);
      }
    }
    builder.projectRoot(project);
    if (dataDir != null) {
      builder.dataDir(dataDir);
    }
    return builder;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static java.net.URI endpoint(String option, String value) {
    try {
      java.net.URI uri = new java.net.URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        option + " needs an http(s) URL such as http://localhost:4566, got '" + value + "'");
  }

  private static Instant instant(String option, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " needs an instant such as 2026-11-23T09:00:00Z, got '" + value + "'");
    }
  }

  private static double number(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
    }
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, got '" + value + "'");
    }
  }
}
