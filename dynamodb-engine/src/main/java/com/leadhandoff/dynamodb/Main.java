package com.leadhandoff.dynamodb;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the engine as a standalone server: {@code java -jar dynamodb-engine.jar --port 8000}. */
@Command(
    name = "dynamodb-engine",
    mixinStandardHelpOptions = true,
    description = "A DynamoDB-compatible server on localhost, in memory or durable in a folder.")
public final class Main implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "8000",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @ArgGroup(exclusive = true)
  Storage storage = new Storage();

  static final class Storage {
    @Option(names = "--data-dir", description = "Keep tables in this folder (created if missing).")
    Path dataDir;

    @Option(names = "--in-memory", description = "Keep nothing on disk (the default).")
    boolean inMemory;
  }

  @Override
  public Integer call() throws InterruptedException {
    DynamoDbEngine engine =
        storage.dataDir != null
            ? DynamoDbEngine.durable(storage.dataDir, Clock.systemUTC())
            : DynamoDbEngine.inMemory(Clock.systemUTC());
    DynamoDbServer server = engine.serve(port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  engine.close();
                  stopped.countDown();
                }));
    System.out.println("DynamoDB-compatible engine listening on http://localhost:" + server.port());
    System.out.flush();
    stopped.await();
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
