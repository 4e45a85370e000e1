package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.expr.ExpressionAttributes;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.table.Constraints;
import com.leadhandoff.dynamodb.table.Database;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** One operation's request body with the engine and the caller's region. */
public final class Request {
  public final JsonNode body;
  public final Database db;
  public final String region;

  public Request(JsonNode body, Database db, String region) {
    this.body = body == null || body.isNull() ? JsonNodeFactory.instance.objectNode() : body;
    this.db = db;
    this.region = region;
  }

  /** A string member, or null. */
  public String text(String field) {
    return text(body, field);
  }

  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw DynamoDbException.serialization("Unexpected value type in payload for " + field);
    }
    return v.textValue();
  }

  public JsonNode node(String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? MissingNode.getInstance() : v;
  }

  /** A transaction's {@code TransactItems}: 1 to 100 actions. */
  public JsonNode transactItems() {
    JsonNode items = body.get("TransactItems");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value null at 'transactItems' failed to satisfy"
              + " constraint: Member must have length greater than or equal to 1");
    }
    if (items.size() > 100) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value '[...]' at 'transactItems' failed to satisfy"
              + " constraint: Member must have length less than or equal to 100");
    }
    return items;
  }

  /** A batch's {@code RequestItems}: table name → that table's requests, at least one table. */
  public JsonNode requestItems() {
    JsonNode requestItems = body.get("RequestItems");
    if (requestItems == null || !requestItems.isObject() || requestItems.isEmpty()) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value null at 'requestItems' failed to satisfy constraint:"
              + " Member must have length greater than or equal to 1");
    }
    return requestItems;
  }

  public boolean bool(String field) {
    return body.path(field).asBoolean(false);
  }

  /** The expression placeholders of {@code node} (the request, or one action of a transaction). */
  static ExpressionAttributes attributes(JsonNode node) {
    Map<String, String> names = new LinkedHashMap<>();
    JsonNode n = node.get("ExpressionAttributeNames");
    if (n != null && !n.isNull()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        names.put(e.getKey(), e.getValue().asText());
      }
    }
    Map<String, AttributeValue> values =
        AttributeValueJson.readItem(node.get("ExpressionAttributeValues"));
    return new ExpressionAttributes(names, values);
  }

  /** True if {@code node} carries placeholders that must all be used. */
  static boolean hasPlaceholders(JsonNode node) {
    JsonNode n = node.get("ExpressionAttributeNames");
    JsonNode v = node.get("ExpressionAttributeValues");
    return (n != null && !n.isNull()) || (v != null && !v.isNull());
  }

  /** Checks every placeholder of {@code node} was used by its expressions. */
  static void checkAllUsed(JsonNode node, ExpressionAttributes attributes) {
    if (hasPlaceholders(node)) {
      attributes.checkAllUsed();
    }
  }

  /**
   * Refuses the legacy (pre-expression) parameters this engine does not implement, naming the
   * expression parameter to use instead (API Reference, "Legacy conditional parameters").
   */
  static void refuseLegacy(JsonNode node, String... legacyThenExpression) {
    for (int i = 0; i < legacyThenExpression.length; i += 2) {
      JsonNode v = node.get(legacyThenExpression[i]);
      if (v != null && !v.isNull()) {
        throw DynamoDbException.validation(
            "The legacy parameter "
                + legacyThenExpression[i]
                + " is not supported by this engine; use "
                + legacyThenExpression[i + 1]
                + " instead");
      }
    }
  }

  /**
   * The ReturnValues member checked against the values DynamoDB allows for the operation: the enum
   * first, then the operation's subset, e.g. PutItem "ReturnValues can only be ALL_OLD or NONE".
   */
  static String returnValues(JsonNode node, String... allowed) {
    String v = text(node, "ReturnValues");
    if (v == null) {
      return "NONE";
    }
    new Constraints()
        .oneOf(v, "returnValues", "ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW")
        .check();
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw DynamoDbException.validation("ReturnValues can only be ALL_OLD or NONE");
  }

  /** ReturnValuesOnConditionCheckFailure: true for ALL_OLD. */
  static boolean allOldOnFailure(JsonNode node) {
    String v = text(node, "ReturnValuesOnConditionCheckFailure");
    new Constraints().oneOf(v, "returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE").check();
    return "ALL_OLD".equals(v);
  }

  /** ReturnConsumedCapacity: INDEXES, TOTAL or NONE (the default). */
  static String returnConsumedCapacity(JsonNode node) {
    String v = text(node, "ReturnConsumedCapacity");
    new Constraints().oneOf(v, "returnConsumedCapacity", "INDEXES", "TOTAL", "NONE").check();
    return v == null ? "NONE" : v;
  }
}
