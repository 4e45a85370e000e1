package com.leadhandoff.local.dynamo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local, Amazon's own engine, serving HTTP on a free localhost port inside this JVM; its
 * data lives in a folder (kept between runs) or in memory (gone on {@link #close}).
 */
public final class LocalDynamo implements AutoCloseable {
  private final DynamoDBProxyServer server;
  private final int port;

  private LocalDynamo(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts the engine.
   *
   * @param dataDir where tables are stored, or empty to keep them in memory
   */
  public static LocalDynamo start(Optional<Path> dataDir) {
    QuietLogging.apply();
    int port = freePort();
    List<String> args = new ArrayList<>(List.of("-port", String.valueOf(port)));
    if (dataDir.isPresent()) {
      try {
        Files.createDirectories(dataDir.get());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create " + dataDir.get(), e);
      }
      args.addAll(List.of("-dbPath", dataDir.get().toAbsolutePath().toString()));
    } else {
      args.add("-inMemory");
    }
    // One database whatever the caller's access key and region, as one account would have.
    args.addAll(List.of("-sharedDb", "-disableTelemetry"));
    try {
      DynamoDBProxyServer server =
          QuietLogging.silently(
              () -> {
                DynamoDBProxyServer s =
                    ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
                s.start();
                return s;
              });
      return new LocalDynamo(server, port);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
    }
  }

  /** The endpoint SDK clients use to reach this engine. */
  public URI endpoint() {
    return URI.create("http://localhost:" + port);
  }

  /** The port the engine listens on. */
  public int port() {
    return port;
  }

  /** Stops the engine and frees its port and threads. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for DynamoDB Local", e);
    }
  }
}
