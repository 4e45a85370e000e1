package com.leadhandoff.dynamodb.storage;

import java.util.List;
import java.util.Map;

/**
 * Where the engine keeps its tables between runs. The engine holds every table in memory and serves
 * reads from there; a store only makes writes durable. {@link #apply} is atomic and durable against
 * a crash of the process when it returns: after {@code kill -9} and a reopen, {@link #load} gives
 * exactly the changes whose {@code apply} returned, each batch whole or not at all.
 */
public interface Store extends AutoCloseable {

  /** Everything stored, read once when the engine opens. */
  Snapshot load();

  /** Makes {@code changes} durable as one atomic unit, in order. */
  void apply(List<Change> changes);

  @Override
  void close();

  /** A store that keeps nothing: the engine is purely in memory. */
  static Store none() {
    return new Store() {
      @Override
      public Snapshot load() {
        return new Snapshot(Map.of(), Map.of());
      }

      @Override
      public void apply(List<Change> changes) {}

      @Override
      public void close() {}
    };
  }

  /**
   * What a store held when opened.
   *
   * @param tables table name → the table's definition, as the engine serialised it
   * @param items table name → (item key → item), both as the engine serialised them
   */
  record Snapshot(Map<String, String> tables, Map<String, Map<String, String>> items) {}

  /** One durable change. Keys and items are opaque text the engine produces and reads back. */
  sealed interface Change {}

  /** Creates or replaces a table's definition. */
  record PutTable(String table, String definition) implements Change {}

  /** Drops a table with all its items. */
  record DropTable(String table) implements Change {}

  /** Creates or replaces one item. */
  record PutItem(String table, String key, String item) implements Change {}

  /** Deletes one item (nothing if absent). */
  record DeleteItem(String table, String key) implements Change {}
}
