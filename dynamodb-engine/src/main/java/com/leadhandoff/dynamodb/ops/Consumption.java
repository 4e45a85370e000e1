package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.table.Capacity;
import com.leadhandoff.dynamodb.table.CapacityMeter;
import com.leadhandoff.dynamodb.table.IndexDef;
import com.leadhandoff.dynamodb.table.Item;
import com.leadhandoff.dynamodb.table.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The capacity one request consumed, per table and index, as its {@code ConsumedCapacity} answers
 * it (API Reference, "ConsumedCapacity": CapacityUnits, ReadCapacityUnits or WriteCapacityUnits,
 * and with INDEXES the Table's share and each index's), and as the engine's meter counts it.
 */
final class Consumption {
  private final Map<String, PerTable> tables = new LinkedHashMap<>();
  private final boolean writes;

  private Consumption(boolean writes) {
    this.writes = writes;
  }

  static Consumption reads() {
    return new Consumption(false);
  }

  static Consumption writes() {
    return new Consumption(true);
  }

  private static final class PerTable {
    double table;
    final Map<String, Double> global = new LinkedHashMap<>();
    final Map<String, Double> local = new LinkedHashMap<>();

    double total() {
      double sum = table;
      for (double units : global.values()) {
        sum += units;
      }
      for (double units : local.values()) {
        sum += units;
      }
      return sum;
    }
  }

  private PerTable of(Table table) {
    return tables.computeIfAbsent(table.def().name, t -> new PerTable());
  }

  /** A read of {@code units} from the table, or from {@code index} when not null. */
  Consumption read(Table table, IndexDef index, double units) {
    PerTable t = of(table);
    if (index == null) {
      t.table += units;
    } else {
      (index.global() ? t.global : t.local).merge(index.name(), units, Double::sum);
    }
    return this;
  }

  /**
   * A write replacing {@code old} with {@code neu}, with its index writes; {@code factor} 2 in a
   * transaction. A write whose condition failed still consumes, for the item as it is.
   */
  Consumption write(Table table, Item old, Item neu, double factor) {
    PerTable t = of(table);
    t.table += factor * Capacity.write(old, neu);
    Capacity.indexWrites(table, old, neu)
        .forEach(
            (name, units) -> {
              IndexDef def = table.def().index(name);
              (def.global() ? t.global : t.local).merge(name, factor * units, Double::sum);
            });
    return this;
  }

  /** Adds what was consumed to the engine's meter. */
  Consumption meter(CapacityMeter meter) {
    tables.forEach(
        (name, t) -> {
          if (writes) {
            meter.write(name, t.total());
          } else {
            meter.read(name, t.total());
          }
        });
    return this;
  }

  /** Sets {@code ConsumedCapacity} on a one-table answer, when the request asked for it. */
  void answer(JsonNode request, ObjectNode response) {
    String mode = Request.text(request, "ReturnConsumedCapacity");
    if (mode == null || mode.equals("NONE") || tables.isEmpty()) {
      return;
    }
    Map.Entry<String, PerTable> only = tables.entrySet().iterator().next();
    response.set("ConsumedCapacity", capacity(response, only.getKey(), only.getValue(), mode));
  }

  /** Sets {@code ConsumedCapacity} as a list, one per table (batch and transaction answers). */
  void answerList(JsonNode request, ObjectNode response) {
    String mode = Request.text(request, "ReturnConsumedCapacity");
    if (mode == null || mode.equals("NONE")) {
      return;
    }
    ArrayNode list = response.putArray("ConsumedCapacity");
    tables.forEach((name, t) -> list.add(capacity(response, name, t, mode)));
  }

  private ObjectNode capacity(ObjectNode factory, String name, PerTable t, String mode) {
    ObjectNode node = factory.objectNode();
    node.put("TableName", name);
    units(node, t.total());
    if (mode.equals("INDEXES")) {
      units(node.putObject("Table"), t.table);
      if (!t.global.isEmpty()) {
        ObjectNode indexes = node.putObject("GlobalSecondaryIndexes");
        t.global.forEach((index, units) -> units(indexes.putObject(index), units));
      }
      if (!t.local.isEmpty()) {
        ObjectNode indexes = node.putObject("LocalSecondaryIndexes");
        t.local.forEach((index, units) -> units(indexes.putObject(index), units));
      }
    }
    return node;
  }

  private void units(ObjectNode node, double units) {
    node.put("CapacityUnits", units);
    node.put(writes ? "WriteCapacityUnits" : "ReadCapacityUnits", units);
  }
}
