package com.leadhandoff.dynamodb.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.storage.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * All tables, the locks writers take, and the store that makes writes durable.
 *
 * <p>Every write of an item holds that item's lock, one of a fixed set of striped locks chosen by
 * hashing table and key; a write touching several items (a transaction) takes their stripes in
 * ascending order, so writers never deadlock. While holding the locks a writer reads the current
 * items, checks its conditions, makes the change durable in the store and only then installs the
 * new items in memory, so an acknowledged write is durable and a failed store leaves memory as it
 * was.
 */
public final class Database implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STRIPES = 4096;

  public final Clock clock;

  /** What every request consumed, per table, as on-demand billing counts it. */
  public final CapacityMeter meter = new CapacityMeter();

  private final Store store;
  private final boolean durable;
  private final ConcurrentHashMap<String, Table> tables = new ConcurrentHashMap<>();

  /** Every table's items with a TTL, soonest first (see {@link Table#ttl}). */
  private final java.util.concurrent.ConcurrentSkipListSet<Table.TtlEntry> ttl =
      new java.util.concurrent.ConcurrentSkipListSet<>();

  private final java.util.concurrent.atomic.AtomicLong tableIds =
      new java.util.concurrent.atomic.AtomicLong();
  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
  private final Object ddl = new Object();

  /**
   * One item change: {@code old} as read under the lock (null if absent), {@code neu} (null to
   * delete).
   */
  public record Write(Table table, ItemKey key, Item old, Item neu) {}

  public Database(Clock clock, Store store, boolean durable) {
    this.clock = clock;
    this.store = store;
    this.durable = durable;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
    load();
  }

  private void load() {
    Store.Snapshot snapshot;
    try {
      snapshot = store.load();
    } catch (RuntimeException e) {
      throw DynamoDbException.internal("Cannot read the store: " + e.getMessage());
    }
    snapshot
        .tables()
        .forEach(
            (name, definition) -> {
              Table table;
              try {
                table =
                    new Table(
                        TableDef.fromJson(JSON.readTree(definition)),
                        tableIds.incrementAndGet(),
                        ttl);
              } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable table definition of " + name, e);
              }
              tables.put(table.def().name, table);
              Map<String, String> items = snapshot.items().getOrDefault(name, Map.of());
              items.forEach(
                  (key, text) -> {
                    try {
                      Item item = Item.of(AttributeValueJson.readItem(JSON.readTree(text)));
                      table.apply(table.keyOf(item.attributes()), null, item);
                    } catch (JsonProcessingException e) {
                      throw new IllegalStateException("Unreadable item in " + name, e);
                    }
                  });
            });
  }

  /** The table named (or given by ARN), or null. */
  public Table find(String nameOrArn) {
    return nameOrArn == null ? null : tables.get(tableName(nameOrArn));
  }

  /**
   * The table named (or given by ARN); a missing one is a ResourceNotFoundException, a name not
   * fitting DynamoDB's pattern a ValidationException.
   */
  public Table require(String nameOrArn, boolean describeWording) {
    if (nameOrArn == null) {
      new Constraints().required(null, "tableName").check();
    }
    String name = tableName(nameOrArn);
    Table table = tables.get(name);
    if (table == null) {
      if (!nameOrArn.startsWith("arn:")) {
        new Constraints().name(name, "tableName", 1024).check();
      }
      throw describeWording
          ? DynamoDbException.tableNotFound(name)
          : DynamoDbException.resourceNotFound();
    }
    return table;
  }

  /** The table name in a name or a table ARN ({@code arn:aws:dynamodb:r:a:table/T}). */
  public static String tableName(String nameOrArn) {
    if (nameOrArn.startsWith("arn:")) {
      int at = nameOrArn.indexOf(":table/");
      if (at >= 0) {
        String rest = nameOrArn.substring(at + 7);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
      }
    }
    return nameOrArn;
  }

  /** The table names, sorted. */
  public List<String> tableNames() {
    return new ArrayList<>(new TreeSet<>(tables.keySet()));
  }

  // ---- locks

  /** The stripe guarding {@code key} of {@code table}. */
  public int stripe(Table table, ItemKey key) {
    int h = table.def().name.hashCode() * 31 + key.hashCode();
    h ^= h >>> 16;
    return h & (STRIPES - 1);
  }

  /** Holds locks until closed. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Locks one item. */
  public Held lock(Table table, ItemKey key) {
    ReentrantLock lock = stripes[stripe(table, key)];
    lock.lock();
    return lock::unlock;
  }

  /** Locks the stripes given, in ascending order (duplicates allowed). */
  public Held lockAll(int[] wanted) {
    int[] sorted = Arrays.stream(wanted).sorted().distinct().toArray();
    int taken = 0;
    try {
      for (int s : sorted) {
        stripes[s].lock();
        taken++;
      }
    } catch (RuntimeException | Error e) {
      for (int i = taken - 1; i >= 0; i--) {
        stripes[sorted[i]].unlock();
      }
      throw e;
    }
    return () -> {
      for (int i = sorted.length - 1; i >= 0; i--) {
        stripes[sorted[i]].unlock();
      }
    };
  }

  private Held lockEverything() {
    int[] all = new int[STRIPES];
    for (int i = 0; i < STRIPES; i++) {
      all[i] = i;
    }
    return lockAll(all);
  }

  // ---- writes

  /** Makes one change durable, then visible. The caller holds the item's lock. */
  public void commit(Write write) {
    commit(List.of(write));
  }

  /**
   * Makes the changes durable as one unit, then visible. The caller holds the items' locks. A store
   * failure is a 500 InternalServerError and leaves memory untouched.
   */
  public void commit(List<Write> writes) {
    if (durable) {
      List<Store.Change> changes = new ArrayList<>(writes.size());
      for (Write w : writes) {
        String table = w.table().def().name;
        String key = keyText(w.table(), w.key());
        if (w.neu() == null) {
          changes.add(new Store.DeleteItem(table, key));
        } else {
          changes.add(
              new Store.PutItem(
                  table, key, AttributeValueJson.writeItem(w.neu().attributes()).toString()));
        }
      }
      applyToStore(changes);
    }
    for (Write w : writes) {
      w.table().apply(w.key(), w.old(), w.neu());
    }
  }

  private void applyToStore(List<Store.Change> changes) {
    try {
      store.apply(changes);
    } catch (DynamoDbException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DynamoDbException.internal(
          "Internal server error: the store failed: " + e.getMessage());
    }
  }

  private static String keyText(Table table, ItemKey key) {
    return AttributeValueJson.writeItem(table.keyMap(key)).toString();
  }

  // ---- tables

  /** Creates a table; "Table already exists: T" if it does. */
  public Table create(TableDef def) {
    synchronized (ddl) {
      if (tables.containsKey(def.name)) {
        throw DynamoDbException.resourceInUse("Table already exists: " + def.name);
      }
      if (durable) {
        applyToStore(List.of(new Store.PutTable(def.name, def.toJson().toString())));
      }
      Table table = new Table(def, tableIds.incrementAndGet(), ttl);
      tables.put(def.name, table);
      return table;
    }
  }

  /** Drops a table and its items. */
  public Table delete(String nameOrArn) {
    synchronized (ddl) {
      Table table = require(nameOrArn, true);
      if (durable) {
        applyToStore(List.of(new Store.DropTable(table.def().name)));
      }
      tables.remove(table.def().name);
      ttl.removeIf(e -> e.table() == table);
      return table;
    }
  }

  /**
   * Installs a changed definition: indexes no longer defined are dropped, new ones are backfilled
   * from the table's items while every writer is held off, TTL changes rebuild the expiry queue.
   */
  public void redefine(Table table, TableDef newDef) {
    synchronized (ddl) {
      try (Held all = lockEverything()) {
        if (durable) {
          applyToStore(List.of(new Store.PutTable(newDef.name, newDef.toJson().toString())));
        }
        Map<String, Index> indexes = new LinkedHashMap<>();
        List<Index> created = new ArrayList<>();
        for (IndexDef i : newDef.indexes()) {
          Index existing = table.indexes().get(i.name());
          if (existing != null && existing.def.equals(i)) {
            indexes.put(i.name(), existing);
          } else {
            Index index = new Index(i);
            indexes.put(i.name(), index);
            created.add(index);
          }
        }
        for (Index index : created) {
          for (ConcurrentSkipListMap<KeyValue, Item> p : table.partitions.values()) {
            for (Item item : p.values()) {
              index.update(table.keyOf(item.attributes()), null, item);
            }
          }
        }
        boolean ttlChanged =
            !java.util.Objects.equals(table.def().ttlAttribute, newDef.ttlAttribute);
        table.redefine(newDef, indexes);
        if (ttlChanged) {
          table.rebuildTtl();
        }
      }
    }
  }

  // ---- TTL

  /**
   * Deletes the items whose TTL attribute (epoch seconds) is at or before the engine clock's now
   * (API Reference, "UpdateTimeToLive": an item expires once the stored epoch time is less than the
   * current time; judged here in whole seconds). DynamoDB deletes expired items in the background
   * within days (Developer Guide, "Time to Live"); this engine deletes them before the next
   * operation so a test advancing its clock sees them go. Cheap when nothing is due: one look at
   * the head of each TTL table's expiry queue.
   */
  public void expire() {
    if (ttl.isEmpty()) {
      return;
    }
    long now = Math.floorDiv(clock.millis(), 1000L);
    while (true) {
      Table.TtlEntry first;
      try {
        first = ttl.first();
      } catch (java.util.NoSuchElementException e) {
        return;
      }
      if (first.expiry() > now) {
        return;
      }
      Table table = first.table();
      try (Held held = lock(table, first.key())) {
        Item current = table.get(first.key());
        String attribute = table.def().ttlAttribute;
        if (current != null && attribute != null && tables.get(table.def().name) == table) {
          long expiry = Table.expiry(current, attribute);
          if (expiry != Long.MIN_VALUE && expiry <= now) {
            commit(new Write(table, first.key(), current, null));
          }
        }
        ttl.remove(first);
      }
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
