package com.leadhandoff.dynamodb.table;

/**
 * An item's primary key: partition key value and sort key value ({@link KeyValue#NONE} if none).
 */
public record ItemKey(KeyValue partition, KeyValue sort) implements Comparable<ItemKey> {
  @Override
  public int compareTo(ItemKey o) {
    int c = partition.compareTo(o.partition);
    return c != 0 ? c : sort.compareTo(o.sort);
  }
}
