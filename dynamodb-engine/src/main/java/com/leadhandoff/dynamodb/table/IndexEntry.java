package com.leadhandoff.dynamodb.table;

/**
 * Where an item sits within an index partition: by the index's sort key, then (as several items may
 * share an index key) by the table key.
 */
public record IndexEntry(KeyValue sort, ItemKey table) implements Comparable<IndexEntry> {
  @Override
  public int compareTo(IndexEntry o) {
    int c = sort.compareTo(o.sort);
    if (c != 0 || table == null || o.table == null) {
      return c != 0 ? c : table == o.table ? 0 : table == null ? -1 : 1;
    }
    return table.compareTo(o.table);
  }
}
