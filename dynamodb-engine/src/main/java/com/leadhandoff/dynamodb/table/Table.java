package com.leadhandoff.dynamodb.table;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One table's items, ordered by partition key then sort key as DynamoDB orders them, with its
 * secondary indexes and the queue of items due to expire under TTL. Items are immutable and
 * replaced whole, so a reader without locks sees whole items only; writers hold the item's lock
 * (see {@link Database}).
 */
public final class Table {
  private volatile TableDef def;
  private volatile Map<String, Index> indexes;
  final ConcurrentSkipListMap<KeyValue, ConcurrentSkipListMap<KeyValue, Item>> partitions =
      new ConcurrentSkipListMap<>();

  /**
   * The same partitions by hash, for the point lookups of every GetItem, write and Query: a lookup
   * in the ordered map compares the key with a dozen others byte by byte. Holds the same partition
   * objects as {@link #partitions}, which only scans walk in order.
   */
  private final Partitions<KeyValue> byKey = new Partitions<>(partitions);

  final AtomicLong count = new AtomicLong();
  final AtomicLong size = new AtomicLong();

  /**
   * Items with a TTL of every table, by expiry (epoch seconds), table and key: one queue for the
   * engine, so finding whether anything is due costs one look whatever the number of tables.
   */
  final ConcurrentSkipListSet<TtlEntry> ttl;

  /** Orders tables within the TTL queue. */
  final long id;

  /** An item due to expire. */
  record TtlEntry(long expiry, Table table, ItemKey key) implements Comparable<TtlEntry> {
    @Override
    public int compareTo(TtlEntry o) {
      int c = Long.compare(expiry, o.expiry);
      if (c != 0) {
        return c;
      }
      c = Long.compare(table.id, o.table.id);
      return c != 0 ? c : key.compareTo(o.key);
    }
  }

  Table(TableDef def, long id, ConcurrentSkipListSet<TtlEntry> ttl) {
    this.id = id;
    this.ttl = ttl;
    this.def = def;
    Map<String, Index> idx = new LinkedHashMap<>();
    def.indexes().forEach(i -> idx.put(i.name(), new Index(i)));
    this.indexes = idx;
  }

  public TableDef def() {
    return def;
  }

  /** The table's indexes by name. */
  public Map<String, Index> indexes() {
    return indexes;
  }

  public long itemCount() {
    return count.get();
  }

  public long sizeBytes() {
    return size.get();
  }

  /** The partitions, in key order. */
  public ConcurrentSkipListMap<KeyValue, ConcurrentSkipListMap<KeyValue, Item>> partitions() {
    return partitions;
  }

  /** The key of an item or key map already validated against the schema. */
  public ItemKey keyOf(Map<String, AttributeValue> item) {
    TableDef d = def;
    KeyValue p = KeyValue.of(item.get(d.hash.name()));
    KeyValue s = d.range == null ? KeyValue.NONE : KeyValue.of(item.get(d.range.name()));
    return new ItemKey(p, s);
  }

  /** The key attributes of {@code key} as a map, hash first. */
  public Map<String, AttributeValue> keyMap(ItemKey key) {
    TableDef d = def;
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    m.put(d.hash.name(), key.partition().value());
    if (d.range != null) {
      m.put(d.range.name(), key.sort().value());
    }
    return m;
  }

  /** The items of one partition in sort key order, or null if it has none. */
  public ConcurrentSkipListMap<KeyValue, Item> partition(KeyValue partitionKey) {
    return byKey.get(partitionKey);
  }

  /** The item stored under {@code key}, or null. */
  public Item get(ItemKey key) {
    ConcurrentSkipListMap<KeyValue, Item> p = byKey.get(key.partition());
    return p == null ? null : p.get(key.sort());
  }

  /**
   * Replaces {@code old} (null if absent) with {@code neu} (null to delete) in the table and its
   * indexes. The caller holds the item's lock.
   */
  void apply(ItemKey key, Item old, Item neu) {
    if (neu == null) {
      ConcurrentSkipListMap<KeyValue, Item> p = byKey.get(key.partition());
      if (p != null && p.remove(key.sort()) != null) {
        count.decrementAndGet();
        size.addAndGet(-old.size());
      }
      // Without a sort key a partition holds one item, and every writer of it holds this item's
      // lock, so the emptied partition can go. (With a sort key, writers of other items in the
      // partition hold other locks: an emptied partition stays, or a concurrent put could be lost.)
      if (p != null && def.range == null && p.isEmpty()) {
        byKey.remove(key.partition(), p);
      }
    } else {
      Item previous = byKey.getOrCreate(key.partition()).put(key.sort(), neu);
      if (previous == null) {
        count.incrementAndGet();
        size.addAndGet(neu.size());
      } else {
        size.addAndGet(neu.size() - previous.size());
      }
    }
    for (Index index : indexes.values()) {
      index.update(key, old, neu);
    }
    String ttlAttribute = def.ttlAttribute;
    if (ttlAttribute != null) {
      long oldExpiry = expiry(old, ttlAttribute);
      long newExpiry = expiry(neu, ttlAttribute);
      if (oldExpiry != newExpiry) {
        if (oldExpiry != Long.MIN_VALUE) {
          ttl.remove(new TtlEntry(oldExpiry, this, key));
        }
        if (newExpiry != Long.MIN_VALUE) {
          ttl.add(new TtlEntry(newExpiry, this, key));
        }
      }
    }
  }

  /**
   * An item's expiry in epoch seconds, or MIN_VALUE when it has none: the TTL attribute must be a
   * Number (Developer Guide, "Formatting your item's TTL attribute"); other types are ignored.
   */
  static long expiry(Item item, String attribute) {
    if (item == null) {
      return Long.MIN_VALUE;
    }
    AttributeValue v = item.attributes().get(attribute);
    if (v instanceof AttributeValue.N n) {
      BigDecimal value = n.value();
      if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
        return Long.MAX_VALUE / 2;
      }
      return value.longValue();
    }
    return Long.MIN_VALUE;
  }

  /** Installs a new definition with the given index set (existing indexes kept). */
  void redefine(TableDef newDef, Map<String, Index> newIndexes) {
    this.indexes = newIndexes;
    this.def = newDef;
  }

  /** Rebuilds the TTL queue after TTL was enabled or disabled. */
  void rebuildTtl() {
    ttl.removeIf(e -> e.table() == this);
    String attribute = def.ttlAttribute;
    if (attribute == null) {
      return;
    }
    for (ConcurrentSkipListMap<KeyValue, Item> p : partitions.values()) {
      for (Map.Entry<KeyValue, Item> e : p.entrySet()) {
        long expiry = expiry(e.getValue(), attribute);
        if (expiry != Long.MIN_VALUE) {
          ttl.add(new TtlEntry(expiry, this, keyOf(e.getValue().attributes())));
        }
      }
    }
  }
}
