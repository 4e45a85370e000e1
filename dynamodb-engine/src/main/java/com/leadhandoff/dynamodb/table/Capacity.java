package com.leadhandoff.dynamodb.table;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Capacity units as DynamoDB bills them (Developer Guide, "DynamoDB read and write operations"): a
 * read unit per 4 KB of item (rounded up; half for an eventually consistent read, twice for a
 * transactional one), a write unit per 1 KB of the larger of the item before and after (twice in a
 * transaction), never less than one unit per item. Secondary indexes add their own writes
 * ("Provisioned throughput considerations for Global Secondary Indexes").
 */
public final class Capacity {
  private static final long READ_BLOCK = 4096;
  private static final long WRITE_BLOCK = 1024;

  private Capacity() {}

  /**
   * Read units for {@code bytes} read in one go: one item's size, or the summed sizes of the items
   * a Query or Scan page evaluated (rounded up once for the page, before any filter).
   */
  public static double read(long bytes, boolean consistent) {
    long units = Math.max(1, ceilDiv(bytes, READ_BLOCK));
    return consistent ? units : units / 2.0;
  }

  /** Write units of replacing {@code old} with {@code neu} (either may be null). */
  public static double write(Item old, Item neu) {
    long bytes = Math.max(size(old), size(neu));
    return Math.max(1, ceilDiv(bytes, WRITE_BLOCK));
  }

  /**
   * What each secondary index of {@code table} pays for the change, by index name; an index the
   * item is in neither before nor after pays nothing, and is left out. The guide's cases: the item
   * enters the index (one write), leaves it (one delete), changes an index key attribute (a delete
   * and a put), or changes only attributes the index projects (one write); anything else costs the
   * index nothing.
   */
  public static Map<String, Double> indexWrites(Table table, Item old, Item neu) {
    Map<String, Double> units = new LinkedHashMap<>();
    for (Index index : table.indexes().values()) {
      Map<String, com.leadhandoff.dynamodb.model.AttributeValue> before =
          projected(index, table, old);
      Map<String, com.leadhandoff.dynamodb.model.AttributeValue> after =
          projected(index, table, neu);
      double cost;
      if (before == null && after == null) {
        continue;
      } else if (before == null) {
        cost = entryUnits(after);
      } else if (after == null) {
        cost = entryUnits(before);
      } else if (!sameIndexKey(index, before, after)) {
        cost = entryUnits(before) + entryUnits(after);
      } else if (!before.equals(after)) {
        cost = entryUnits(after);
      } else {
        cost = 0;
      }
      units.put(index.def.name(), cost);
    }
    return units;
  }

  /** The index's copy of {@code item}; null when the item is absent or not in the index. */
  private static Map<String, com.leadhandoff.dynamodb.model.AttributeValue> projected(
      Index index, Table table, Item item) {
    if (item == null || index.partitionOf(item.attributes()) == null) {
      return null;
    }
    return index.def.project(item.attributes(), table.def());
  }

  private static boolean sameIndexKey(
      Index index,
      Map<String, com.leadhandoff.dynamodb.model.AttributeValue> before,
      Map<String, com.leadhandoff.dynamodb.model.AttributeValue> after) {
    String hash = index.def.hash().name();
    if (!Objects.equals(before.get(hash), after.get(hash))) {
      return false;
    }
    return index.def.range() == null
        || Objects.equals(
            before.get(index.def.range().name()), after.get(index.def.range().name()));
  }

  private static double entryUnits(Map<String, com.leadhandoff.dynamodb.model.AttributeValue> e) {
    return Math.max(1, ceilDiv(ItemSize.of(e), WRITE_BLOCK));
  }

  private static long size(Item item) {
    return item == null ? 0 : item.size();
  }

  private static long ceilDiv(long bytes, long block) {
    return (bytes + block - 1) / block;
  }
}
