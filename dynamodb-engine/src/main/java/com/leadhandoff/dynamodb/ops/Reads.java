package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.expr.ExpressionAttributes;
import com.leadhandoff.dynamodb.expr.Expressions;
import com.leadhandoff.dynamodb.expr.Path;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.table.Capacity;
import com.leadhandoff.dynamodb.table.Constraints;
import com.leadhandoff.dynamodb.table.IndexDef;
import com.leadhandoff.dynamodb.table.Item;
import com.leadhandoff.dynamodb.table.ItemSize;
import com.leadhandoff.dynamodb.table.KeyElement;
import com.leadhandoff.dynamodb.table.Table;
import com.leadhandoff.dynamodb.table.TableDef;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Query and Scan share: the target (table or index), Select and projection, the filter, Limit
 * and the 1 MB page, and the evaluation loop that counts, filters and pages (API Reference, "Query"
 * and "Scan"; Developer Guide, "Paginating table query results").
 */
final class Reads {
  /** A page stops once this much data was read (before filtering). */
  static final int PAGE_BYTES = 1024 * 1024;

  final Table table;
  final TableDef def;
  final IndexDef index;
  final ExpressionAttributes attributes;
  final Expressions.Condition filter;
  final List<Path> projection;
  final String select;
  final Integer limit;
  final Map<String, AttributeValue> exclusiveStartKey;
  final boolean consistent;

  Reads(Request r, String operation) {
    JsonNode body = r.body;
    consistent = r.bool("ConsistentRead");
    Request.returnConsumedCapacity(body);
    table = r.db.require(r.text("TableName"), false);
    def = table.def();
    String indexName = r.text("IndexName");
    if (indexName != null) {
      index = def.index(indexName);
      if (index == null) {
        throw DynamoDbException.validation(
            "The table does not have the specified index: " + indexName);
      }
      if (index.global() && r.bool("ConsistentRead")) {
        throw DynamoDbException.validation(
            "Consistent reads are not supported on global secondary indexes");
      }
    } else {
      index = null;
    }
    attributes = Request.attributes(body);
    String filterText = r.text("FilterExpression");
    filter =
        filterText == null
            ? null
            : Expressions.condition(filterText, "FilterExpression", attributes);
    String projectionText = r.text("ProjectionExpression");
    projection = projectionText == null ? null : Expressions.projection(projectionText, attributes);
    String s = r.text("Select");
    new Constraints()
        .oneOf(
            s,
            "select",
            "SPECIFIC_ATTRIBUTES",
            "COUNT",
            "ALL_ATTRIBUTES",
            "ALL_PROJECTED_ATTRIBUTES")
        .check();
    if (s == null) {
      s =
          projection != null
              ? "SPECIFIC_ATTRIBUTES"
              : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
    }
    if (projection != null && !s.equals("SPECIFIC_ATTRIBUTES")) {
      throw DynamoDbException.validation(
          "Cannot specify the ProjectionExpression when choosing to get "
              + (s.equals("COUNT") ? "only the Count" : s)); // DynamoDB's wording
    }
    if (s.equals("SPECIFIC_ATTRIBUTES") && projection == null) {
      throw DynamoDbException.validation(
          "Must specify the AttributesToGet or ProjectionExpression when choosing to get"
              + " SPECIFIC_ATTRIBUTES");
    }
    if (s.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: ALL_PROJECTED_ATTRIBUTES can be used only"
              + " when Querying using an IndexName"); // "Querying" on Scan too, as DynamoDB says
    }
    if (s.equals("ALL_ATTRIBUTES")
        && index != null
        && index.global()
        && !index.projectionType().equals("ALL")) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported"
              + " for global secondary index "
              + index.name()
              + " because its projection type is not ALL");
    }
    select = s;
    JsonNode l = body.get("Limit");
    if (l != null && !l.isNull()) {
      if (l.asInt() < 1) {
        new Constraints()
            .fail(l.asInt(), "limit", "Member must have value greater than or equal to 1")
            .check();
      }
      limit = l.asInt();
    } else {
      limit = null;
    }
    JsonNode esk = body.get("ExclusiveStartKey");
    exclusiveStartKey = esk == null || esk.isNull() ? null : AttributeValueJson.readItem(esk);
  }

  /**
   * Checks ExclusiveStartKey holds the table's key and, on an index, the index's key, each of its
   * declared type.
   */
  void checkStartKey() {
    if (exclusiveStartKey == null) {
      return;
    }
    int expected = 0;
    expected += startKeyPart(def.hash);
    expected += startKeyPart(def.range);
    if (index != null) {
      if (!def.isKey(index.hash().name())) {
        expected += startKeyPart(index.hash());
      }
      if (index.range() != null && !def.isKey(index.range().name())) {
        expected += startKeyPart(index.range());
      }
    }
    if (exclusiveStartKey.size() != expected) {
      throw invalidStartKey();
    }
  }

  private int startKeyPart(KeyElement key) {
    if (key == null) {
      return 0;
    }
    AttributeValue v = exclusiveStartKey.get(key.name());
    if (v == null || !v.type().equals(key.type())) {
      throw invalidStartKey();
    }
    return 1;
  }

  static DynamoDbException invalidStartKey() {
    return DynamoDbException.validation(
        "The provided starting key is invalid: The provided key element does not match the"
            + " schema");
  }

  /** Runs the evaluation loop over {@code items} and answers. */
  ObjectNode run(Iterator<Item> items, Request r) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    boolean countOnly = select.equals("COUNT");
    ArrayNode out = countOnly ? null : response.putArray("Items");
    int scanned = 0;
    int count = 0;
    long bytes = 0;
    Item last = null;
    Item lastEvaluated = null;
    while (items.hasNext()) {
      if ((limit != null && scanned >= limit) || bytes >= PAGE_BYTES) {
        lastEvaluated = last;
        break;
      }
      Item item = items.next();
      scanned++;
      last = item;
      Map<String, AttributeValue> visible = visible(item);
      // A global index is billed for the copy it holds: its projected attributes.
      bytes += visible == item.attributes() ? item.size() : ItemSize.of(visible);
      if (filter == null || filter.test(visible)) {
        count++;
        if (!countOnly) {
          out.add(AttributeValueJson.writeItem(shape(visible)));
        }
      }
    }
    // DynamoDB answers a LastEvaluatedKey whenever Limit stopped the page, even if nothing follows.
    if (lastEvaluated == null && limit != null && scanned == limit) {
      lastEvaluated = last;
    }
    response.put("Count", count);
    response.put("ScannedCount", scanned);
    if (lastEvaluated != null) {
      response.set("LastEvaluatedKey", AttributeValueJson.writeItem(keyOf(lastEvaluated)));
    }
    // The page's evaluated items together, rounded up once (Developer Guide, "Query" and "Scan"
    // under "Capacity unit consumption for read operations").
    Consumption.reads()
        .read(table, index, Capacity.read(bytes, consistent))
        .meter(r.db.meter)
        .answer(r.body, response);
    return response;
  }

  /** What the read sees of an item: a global index holds only its projected attributes. */
  private Map<String, AttributeValue> visible(Item item) {
    if (index != null && index.global()) {
      return index.project(item.attributes(), def);
    }
    return item.attributes();
  }

  private Map<String, AttributeValue> shape(Map<String, AttributeValue> visible) {
    if (projection != null) {
      return Path.project(visible, projection);
    }
    if (select.equals("ALL_PROJECTED_ATTRIBUTES")) {
      return index.project(visible, def);
    }
    return visible;
  }

  /** The LastEvaluatedKey of an item: the table's key, and on an index the index's key too. */
  Map<String, AttributeValue> keyOf(Item item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    Map<String, AttributeValue> a = item.attributes();
    key.put(def.hash.name(), a.get(def.hash.name()));
    if (def.range != null) {
      key.put(def.range.name(), a.get(def.range.name()));
    }
    if (index != null) {
      key.put(index.hash().name(), a.get(index.hash().name()));
      if (index.range() != null) {
        key.put(index.range().name(), a.get(index.range().name()));
      }
    }
    return key;
  }

  void checkAllUsed(JsonNode body) {
    Request.checkAllUsed(body, attributes);
  }
}
