package com.leadhandoff.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.ops.BatchGetItem;
import com.leadhandoff.dynamodb.ops.BatchWriteItem;
import com.leadhandoff.dynamodb.ops.CreateTable;
import com.leadhandoff.dynamodb.ops.DeleteItem;
import com.leadhandoff.dynamodb.ops.DeleteTable;
import com.leadhandoff.dynamodb.ops.DescribeTable;
import com.leadhandoff.dynamodb.ops.DescribeTimeToLive;
import com.leadhandoff.dynamodb.ops.GetItem;
import com.leadhandoff.dynamodb.ops.ListTables;
import com.leadhandoff.dynamodb.ops.Operation;
import com.leadhandoff.dynamodb.ops.PutItem;
import com.leadhandoff.dynamodb.ops.Query;
import com.leadhandoff.dynamodb.ops.Request;
import com.leadhandoff.dynamodb.ops.Scan;
import com.leadhandoff.dynamodb.ops.TransactGetItems;
import com.leadhandoff.dynamodb.ops.TransactWriteItems;
import com.leadhandoff.dynamodb.ops.UpdateItem;
import com.leadhandoff.dynamodb.ops.UpdateTable;
import com.leadhandoff.dynamodb.ops.UpdateTimeToLive;
import com.leadhandoff.dynamodb.storage.SqliteStore;
import com.leadhandoff.dynamodb.storage.Store;
import com.leadhandoff.dynamodb.table.CapacityMeter;
import com.leadhandoff.dynamodb.table.Database;
import com.leadhandoff.dynamodb.wire.HttpWire;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A DynamoDB-compatible engine: tables, items, indexes, expressions, transactions and TTL,
 * answering the operations of the DynamoDB API Reference. Kept in memory, or durable in a folder.
 * Serve it over HTTP with {@link #serve(int)} so the AWS SDKs and CLI can reach it.
 */
public final class DynamoDbEngine implements AutoCloseable {
  /** Worker threads of each HTTP server. */
  static final int HTTP_THREADS = 16;

  /** Trailing text after the request's JSON object is malformed, as DynamoDB judges it. */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Database db;
  private final Map<String, Operation> operations = new HashMap<>();
  private final List<DynamoDbServer> servers = new CopyOnWriteArrayList<>();

  private DynamoDbEngine(Clock clock, Store store, boolean durable) {
    this.db = new Database(clock, store, durable);
    operations.put("CreateTable", new CreateTable());
    operations.put("DescribeTable", new DescribeTable());
    operations.put("ListTables", new ListTables());
    operations.put("DeleteTable", new DeleteTable());
    operations.put("UpdateTable", new UpdateTable());
    operations.put("UpdateTimeToLive", new UpdateTimeToLive());
    operations.put("DescribeTimeToLive", new DescribeTimeToLive());
    operations.put("PutItem", new PutItem());
    operations.put("GetItem", new GetItem());
    operations.put("UpdateItem", new UpdateItem());
    operations.put("DeleteItem", new DeleteItem());
    operations.put("Query", new Query());
    operations.put("Scan", new Scan());
    operations.put("BatchGetItem", new BatchGetItem());
    operations.put("BatchWriteItem", new BatchWriteItem());
    operations.put("TransactWriteItems", new TransactWriteItems());
    operations.put("TransactGetItems", new TransactGetItems());
  }

  /**
   * An engine that keeps nothing on disk.
   *
   * @param clock the time TTL expiry is judged by (a test's virtual clock, say)
   */
  public static DynamoDbEngine inMemory(Clock clock) {
    return new DynamoDbEngine(clock, Store.none(), false);
  }

  /**
   * An engine whose tables live in {@code dataDir} (created if missing): every write acknowledged
   * survives a crash of the process.
   */
  public static DynamoDbEngine durable(Path dataDir, Clock clock) {
    Store store = SqliteStore.open(dataDir);
    try {
      return new DynamoDbEngine(clock, store, true);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Runs one operation in-process: {@code operation} is the part of {@code X-Amz-Target} after the
   * dot (e.g. {@code PutItem}), {@code request} the JSON body; returns the JSON response or throws
   * {@link com.leadhandoff.dynamodb.error.DynamoDbException}.
   */
  public JsonNode handle(String operation, JsonNode request) {
    return handle(operation, request, "us-east-1");
  }

  private JsonNode handle(String operation, JsonNode request, String region) {
    Operation op = operations.get(operation);
    if (op == null) {
      throw DynamoDbException.unknownOperation(operation);
    }
    db.meter.call(operation, tables(request));
    db.expire();
    return op.apply(new Request(request, db, region));
  }

  /** The tables a request names: its TableName, or those of its transaction or batch items. */
  private static String tables(JsonNode request) {
    if (request.hasNonNull("TableName")) {
      return request.path("TableName").asText();
    }
    Set<String> names = new TreeSet<>();
    request.path("RequestItems").fieldNames().forEachRemaining(names::add);
    request
        .path("TransactItems")
        .forEach(
            item ->
                item.forEach(
                    action -> {
                      if (action.hasNonNull("TableName")) {
                        names.add(action.path("TableName").asText());
                      }
                    }));
    return names.isEmpty() ? "-" : String.join(",", names);
  }

  /**
   * The capacity units every request consumed so far, per table, as an on-demand table is billed
   * (whether or not a request asked for ReturnConsumedCapacity), and the requests made.
   */
  public CapacityMeter consumedCapacity() {
    return db.meter;
  }

  /** Serves the engine over HTTP on localhost {@code port} (0 picks a free one). */
  public DynamoDbServer serve(int port) {
    HttpWire wire = HttpWire.start(port, HTTP_THREADS, JSON, this::handle);
    servers.add(wire);
    return wire;
  }

  /** Stops serving and closes the store. */
  @Override
  public void close() {
    for (DynamoDbServer server : servers) {
      server.close();
    }
    servers.clear();
    db.close();
  }
}
