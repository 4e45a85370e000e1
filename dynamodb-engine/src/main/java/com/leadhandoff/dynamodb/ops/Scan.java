package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.table.Constraints;
import com.leadhandoff.dynamodb.table.Index;
import com.leadhandoff.dynamodb.table.IndexEntry;
import com.leadhandoff.dynamodb.table.Item;
import com.leadhandoff.dynamodb.table.ItemKey;
import com.leadhandoff.dynamodb.table.KeyValue;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Scan (API Reference, "Scan"): every item of a table or index, partition by partition, filtered;
 * with Segment/TotalSegments a partition belongs to segment hash(partition key) mod TotalSegments
 * so parallel segments cover the table exactly once.
 */
public final class Scan implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    Request.refuseLegacy(
        r.body,
        "ScanFilter",
        "FilterExpression",
        "AttributesToGet",
        "ProjectionExpression",
        "ConditionalOperator",
        "FilterExpression");
    Reads reads = new Reads(r, "Scan");
    reads.checkAllUsed(r.body);
    reads.checkStartKey();
    JsonNode segmentNode = r.body.get("Segment");
    JsonNode totalNode = r.body.get("TotalSegments");
    int segment = 0;
    int total = 1;
    if (segmentNode != null && !segmentNode.isNull() || totalNode != null && !totalNode.isNull()) {
      if (segmentNode == null || segmentNode.isNull()) {
        throw DynamoDbException.validation(
            "The Segment parameter is required but was not present in the request when parameter"
                + " TotalSegments is present");
      }
      if (totalNode == null || totalNode.isNull()) {
        throw DynamoDbException.validation(
            "The TotalSegments parameter is required but was not present in the request when"
                + " Segment parameter is present");
      }
      segment = segmentNode.asInt();
      total = totalNode.asInt();
      Constraints c = new Constraints();
      if (total < 1) {
        c.fail(total, "totalSegments", "Member must have value greater than or equal to 1");
      }
      if (total > 1000000) {
        c.fail(total, "totalSegments", "Member must have value less than or equal to 1000000");
      }
      if (segment < 0) {
        c.fail(segment, "segment", "Member must have value greater than or equal to 0");
      }
      c.check();
      if (segment >= total) {
        throw DynamoDbException.validation(
            "The Segment parameter is zero-based and must be less than parameter TotalSegments:"
                + " Segment: "
                + segment
                + " is not less than TotalSegments: "
                + total);
      }
    }
    Map<String, com.leadhandoff.dynamodb.model.AttributeValue> esk = reads.exclusiveStartKey;
    Iterator<Item> items;
    if (reads.index == null) {
      NavigableMap<KeyValue, ConcurrentSkipListMap<KeyValue, Item>> partitions =
          reads.table.partitions();
      KeyValue startPartition = null;
      KeyValue startSort = null;
      if (esk != null) {
        startPartition = KeyValue.of(esk.get(reads.def.hash.name()));
        startSort =
            reads.def.range == null ? KeyValue.NONE : KeyValue.of(esk.get(reads.def.range.name()));
        partitions = partitions.tailMap(startPartition, true);
      }
      items = new Walk<>(partitions, startPartition, startSort, segment, total);
    } else {
      Index index = reads.table.indexes().get(reads.index.name());
      NavigableMap<KeyValue, ConcurrentSkipListMap<IndexEntry, Item>> partitions =
          index.partitions();
      KeyValue startPartition = null;
      IndexEntry startEntry = null;
      if (esk != null) {
        startPartition = KeyValue.of(esk.get(reads.index.hash().name()));
        KeyValue sort =
            reads.index.range() == null
                ? KeyValue.NONE
                : KeyValue.of(esk.get(reads.index.range().name()));
        KeyValue ts =
            reads.def.range == null ? KeyValue.NONE : KeyValue.of(esk.get(reads.def.range.name()));
        startEntry =
            new IndexEntry(sort, new ItemKey(KeyValue.of(esk.get(reads.def.hash.name())), ts));
        partitions = partitions.tailMap(startPartition, true);
      }
      items = new Walk<>(partitions, startPartition, startEntry, segment, total);
    }
    return reads.run(items, r);
  }

  /** Walks partitions in order, the first one after a start key, keeping one segment's. */
  private static final class Walk<K> implements Iterator<Item> {
    private final Iterator<Map.Entry<KeyValue, ConcurrentSkipListMap<K, Item>>> partitions;
    private final KeyValue startPartition;
    private final K startKey;
    private final int segment;
    private final int total;
    private Iterator<Item> current;
    private Item next;

    Walk(
        NavigableMap<KeyValue, ConcurrentSkipListMap<K, Item>> partitions,
        KeyValue startPartition,
        K startKey,
        int segment,
        int total) {
      this.partitions = partitions.entrySet().iterator();
      this.startPartition = startPartition;
      this.startKey = startKey;
      this.segment = segment;
      this.total = total;
      this.next = advance();
    }

    private Item advance() {
      while (true) {
        if (current != null && current.hasNext()) {
          return current.next();
        }
        if (!partitions.hasNext()) {
          return null;
        }
        Map.Entry<KeyValue, ConcurrentSkipListMap<K, Item>> p = partitions.next();
        if (total > 1 && Math.floorMod(p.getKey().hashCode(), total) != segment) {
          current = null;
          continue;
        }
        if (startPartition != null && p.getKey().equals(startPartition)) {
          current = p.getValue().tailMap(startKey, false).values().iterator();
        } else {
          current = p.getValue().values().iterator();
        }
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Item next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Item item = next;
      next = advance();
      return item;
    }
  }
}
