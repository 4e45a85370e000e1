package com.leadhandoff.dynamodb.table;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A secondary index's definition (API Reference, "GlobalSecondaryIndex", "LocalSecondaryIndex").
 *
 * @param range null when the index has a partition key only
 * @param projectionType ALL, KEYS_ONLY or INCLUDE
 * @param nonKeyAttributes the attributes INCLUDE projects beside the keys
 * @param rcu provisioned read capacity, 0 when on demand
 */
public record IndexDef(
    String name,
    boolean global,
    KeyElement hash,
    KeyElement range,
    String projectionType,
    List<String> nonKeyAttributes,
    long rcu,
    long wcu) {

  /** The index's key schema as the wire gives it. */
  public ObjectNode toJson(boolean withThroughput) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("IndexName", name);
    node.set("KeySchema", TableDef.keySchemaJson(hash, range));
    ObjectNode projection = node.putObject("Projection");
    projection.put("ProjectionType", projectionType);
    if (!nonKeyAttributes.isEmpty()) {
      nonKeyAttributes.forEach(projection.putArray("NonKeyAttributes")::add);
    }
    if (withThroughput && global) {
      ObjectNode pt = node.putObject("ProvisionedThroughput");
      pt.put("ReadCapacityUnits", rcu);
      pt.put("WriteCapacityUnits", wcu);
    }
    return node;
  }

  /**
   * The attributes this index holds of an item, beside all attributes for ALL: the table's key, the
   * index's key and for INCLUDE the non-key attributes (Developer Guide, "Attribute projections").
   */
  public boolean projects(String attribute, TableDef table) {
    if (projectionType.equals("ALL")) {
      return true;
    }
    if (isKey(attribute) || table.isKey(attribute)) {
      return true;
    }
    return projectionType.equals("INCLUDE") && nonKeyAttributes.contains(attribute);
  }

  /** True if {@code attribute} is one of this index's key attributes. */
  public boolean isKey(String attribute) {
    return hash.name().equals(attribute) || (range != null && range.name().equals(attribute));
  }

  /** Adds the index's key attribute names to {@code into}. */
  public void keyNames(Set<String> into) {
    into.add(hash.name());
    if (range != null) {
      into.add(range.name());
    }
  }

  /** Reduces {@code item} to what the index projects. */
  public Map<String, com.leadhandoff.dynamodb.model.AttributeValue> project(
      Map<String, com.leadhandoff.dynamodb.model.AttributeValue> item, TableDef table) {
    if (projectionType.equals("ALL")) {
      return item;
    }
    Map<String, com.leadhandoff.dynamodb.model.AttributeValue> out =
        new java.util.LinkedHashMap<>();
    item.forEach(
        (k, v) -> {
          if (projects(k, table)) {
            out.put(k, v);
          }
        });
    return out;
  }
}
