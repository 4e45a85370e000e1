package com.leadhandoff.dynamodb.table;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A secondary index's items, kept in step with every write of its table: partition key, then index
 * sort key, then table key. Sparse: an item lacking the index's key attributes is not in it
 * (Developer Guide, "Take advantage of sparse indexes").
 */
public final class Index {
  public final IndexDef def;
  final ConcurrentSkipListMap<KeyValue, ConcurrentSkipListMap<IndexEntry, Item>> partitions =
      new ConcurrentSkipListMap<>();

  /** The same partitions by hash, for point lookups (see {@link Table#partition}). */
  private final Partitions<IndexEntry> byKey = new Partitions<>(partitions);

  final AtomicLong count = new AtomicLong();
  final AtomicLong size = new AtomicLong();

  Index(IndexDef def) {
    this.def = def;
  }

  public long itemCount() {
    return count.get();
  }

  public long sizeBytes() {
    return size.get();
  }

  /** The index partitions, in key order. */
  public ConcurrentSkipListMap<KeyValue, ConcurrentSkipListMap<IndexEntry, Item>> partitions() {
    return partitions;
  }

  /** The items of one index partition in index sort key order, or null if it has none. */
  public ConcurrentSkipListMap<IndexEntry, Item> partition(KeyValue partitionKey) {
    return byKey.get(partitionKey);
  }

  /** The index partition key of {@code item}, or null when the item is not in the index. */
  KeyValue partitionOf(Map<String, AttributeValue> item) {
    AttributeValue h = item.get(def.hash().name());
    if (h == null || !h.type().equals(def.hash().type())) {
      return null;
    }
    if (def.range() != null) {
      AttributeValue r = item.get(def.range().name());
      if (r == null || !r.type().equals(def.range().type())) {
        return null;
      }
    }
    return KeyValue.of(h);
  }

  IndexEntry entryOf(Map<String, AttributeValue> item, ItemKey key) {
    KeyValue sort = def.range() == null ? KeyValue.NONE : KeyValue.of(item.get(def.range().name()));
    return new IndexEntry(sort, key);
  }

  void update(ItemKey key, Item old, Item neu) {
    KeyValue oldPartition = old == null ? null : partitionOf(old.attributes());
    KeyValue newPartition = neu == null ? null : partitionOf(neu.attributes());
    IndexEntry oldEntry = oldPartition == null ? null : entryOf(old.attributes(), key);
    IndexEntry newEntry = newPartition == null ? null : entryOf(neu.attributes(), key);
    if (oldEntry != null
        && !(newEntry != null && oldPartition.equals(newPartition) && oldEntry.equals(newEntry))) {
      ConcurrentSkipListMap<IndexEntry, Item> p = byKey.get(oldPartition);
      if (p != null && p.remove(oldEntry) != null) {
        count.decrementAndGet();
        size.addAndGet(-old.size());
      }
    }
    if (newEntry != null) {
      Item previous = byKey.getOrCreate(newPartition).put(newEntry, neu);
      if (previous == null) {
        count.incrementAndGet();
        size.addAndGet(neu.size());
      } else {
        size.addAndGet(neu.size() - previous.size());
      }
    }
  }
}
