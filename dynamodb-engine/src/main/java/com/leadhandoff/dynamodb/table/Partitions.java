package com.leadhandoff.dynamodb.table;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A hash map beside a table's or an index's ordered map of partitions, holding the same partition
 * objects: a point lookup costs a hash and one equals instead of a dozen byte-wise key comparisons
 * down a skip list. Partition key values are all of one type (the key schema's), and two of them
 * compare equal exactly when they are equal, so both maps find the same partition.
 *
 * <p>A partition is created by this map's {@code computeIfAbsent}, which puts it in the ordered map
 * before this map shows it to anyone: two writers creating the same partition at once (writers of
 * different items of one partition hold different locks) both get the one partition object, and no
 * item goes into a partition a scan of the ordered map cannot see yet.
 */
final class Partitions<K> {
  private final ConcurrentHashMap<KeyValue, ConcurrentSkipListMap<K, Item>> byKey =
      new ConcurrentHashMap<>();
  private final ConcurrentSkipListMap<KeyValue, ConcurrentSkipListMap<K, Item>> ordered;

  Partitions(ConcurrentSkipListMap<KeyValue, ConcurrentSkipListMap<K, Item>> ordered) {
    this.ordered = ordered;
  }

  /** The partition of {@code key}, or null. */
  ConcurrentSkipListMap<K, Item> get(KeyValue key) {
    return byKey.get(key);
  }

  /** The partition of {@code key}, created empty in both maps if there is none. */
  ConcurrentSkipListMap<K, Item> getOrCreate(KeyValue key) {
    ConcurrentSkipListMap<K, Item> p = byKey.get(key);
    if (p != null) {
      return p;
    }
    return byKey.computeIfAbsent(
        key,
        k -> {
          ConcurrentSkipListMap<K, Item> created = new ConcurrentSkipListMap<>();
          ordered.put(k, created);
          return created;
        });
  }

  /**
   * Removes the partition {@code p} of {@code key} from both maps, if it is still the one held (the
   * same object: an empty partition equals any other empty map).
   */
  void remove(KeyValue key, ConcurrentSkipListMap<K, Item> p) {
    byKey.computeIfPresent(
        key,
        (k, held) -> {
          if (held != p) {
            return held;
          }
          ordered.remove(k);
          return null;
        });
  }
}
