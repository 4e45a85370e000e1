package com.leadhandoff.dynamodb.table;

/**
 * Where an item sits within an index partition: by the index's sort key, then (as several items may
 * share an index key) by the table key.
 */
public record IndexEntry(KeyValue sort, ItemKey table) implements Comparable<IndexEntry> {
  /** Sorts before every table key. */
  public static final ItemKey FIRST = new ItemKey(KeyValue.MIN, KeyValue.MIN);

  /** Sorts after every table key. */
  public static final ItemKey LAST = new ItemKey(KeyValue.MAX, KeyValue.MAX);

  @Override
  public int compareTo(IndexEntry o) {
    int c = sort.compareTo(o.sort);
    return c != 0 ? c : table.compareTo(o.table);
  }
}
