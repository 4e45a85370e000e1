package com.leadhandoff.local.dynamo;

import com.leadhandoff.dynamodb.DynamoDbEngine;
import com.leadhandoff.dynamodb.DynamoDbServer;
import com.leadhandoff.dynamodb.table.CapacityMeter;
import com.leadhandoff.local.transport.Contexts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The DynamoDB the local runtime's functions use: our own engine ({@code dynamodb-engine}) served
 * on a free localhost port, its tables in a folder (kept between runs) or in memory; or, with
 * {@code --dynamodb-endpoint}, any other DynamoDB the runtime only points at.
 */
public final class LocalDynamo implements AutoCloseable {
  /** The file DynamoDB Local kept its tables in, before this engine replaced it. */
  private static final String OLD_ENGINE_FILE = "shared-local-instance.db";

  private final URI endpoint;
  private final Optional<DynamoDbEngine> engine;
  private final Optional<DynamoDbServer> server;

  private LocalDynamo(URI endpoint, DynamoDbEngine engine, DynamoDbServer server) {
    this.endpoint = endpoint;
    this.engine = Optional.ofNullable(engine);
    this.server = Optional.ofNullable(server);
  }

  /**
   * Starts the engine.
   *
   * @param dataDir where tables are stored, or empty to keep them in memory
   * @param clock the runtime's clock, which TTL expiry follows
   */
  public static LocalDynamo start(Optional<Path> dataDir, Clock clock) {
    DynamoDbEngine engine =
        dataDir
            .map(d -> DynamoDbEngine.durable(d, clock))
            .orElseGet(() -> DynamoDbEngine.inMemory(clock));
    try {
      DynamoDbServer server = engine.serve(0);
      return new LocalDynamo(server.endpoint(), engine, server);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** Uses the DynamoDB at {@code endpoint} (LocalStack, an AWS region…); starts nothing. */
  public static LocalDynamo external(URI endpoint) {
    return new LocalDynamo(endpoint, null, null);
  }

  /**
   * True if {@code dataDir} holds tables of DynamoDB Local, which this runtime no longer reads (its
   * licence is not open source); the runtime says so at start.
   */
  public static boolean hasOldEngineData(Path dataDir) {
    return Files.exists(dataDir.resolve(OLD_ENGINE_FILE));
  }

  /** The endpoint SDK clients use to reach this DynamoDB. */
  public URI endpoint() {
    return endpoint;
  }

  /** What the served engine's requests consumed; empty for an external DynamoDB. */
  public Optional<CapacityMeter> consumedCapacity() {
    return engine.map(DynamoDbEngine::consumedCapacity);
  }

  /**
   * The served engine's HTTP endpoint as a server's contexts (its one handler, at {@code /}), for
   * serving it in-process too; empty for an external DynamoDB.
   */
  public Optional<Contexts> contexts() {
    return server.map(
        s -> {
          Contexts contexts = new Contexts();
          contexts.add("/", s.exchangeHandler());
          return contexts;
        });
  }

  /** True if the runtime serves the tables itself (not {@code --dynamodb-endpoint}). */
  public boolean served() {
    return engine.isPresent();
  }

  /** Stops serving and closes the engine's store; an external DynamoDB is left alone. */
  @Override
  public void close() {
    server.ifPresent(DynamoDbServer::close);
    engine.ifPresent(DynamoDbEngine::close);
  }
}
