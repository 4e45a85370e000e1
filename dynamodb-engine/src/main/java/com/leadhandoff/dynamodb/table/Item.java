package com.leadhandoff.dynamodb.table;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored item: its attributes (never mutated) and its size in bytes as DynamoDB counts it. */
public record Item(Map<String, AttributeValue> attributes, int size) {

  /** An item of {@code attributes} (copied). */
  public static Item of(Map<String, AttributeValue> attributes) {
    Map<String, AttributeValue> copy = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    return new Item(copy, ItemSize.of(copy));
  }
}
