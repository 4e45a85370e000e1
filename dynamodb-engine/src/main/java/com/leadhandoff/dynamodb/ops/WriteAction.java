package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.expr.ExpressionAttributes;
import com.leadhandoff.dynamodb.expr.Expressions;
import com.leadhandoff.dynamodb.expr.Path;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.table.Database;
import com.leadhandoff.dynamodb.table.Item;
import com.leadhandoff.dynamodb.table.ItemKey;
import com.leadhandoff.dynamodb.table.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated write of one item — Put, Update, Delete or a transaction's ConditionCheck —
 * ready to be run against the item's current state under its lock. PutItem, UpdateItem, DeleteItem,
 * BatchWriteItem and TransactWriteItems share it.
 */
final class WriteAction {
  enum Kind {
    PUT,
    UPDATE,
    DELETE,
    CHECK
  }

  final Kind kind;
  final Table table;
  final ItemKey key;
  final Map<String, AttributeValue> putItem;
  final Expressions.Update update;
  final Expressions.Condition condition;
  final boolean allOldOnFailure;

  private WriteAction(
      Kind kind,
      Table table,
      ItemKey key,
      Map<String, AttributeValue> putItem,
      Expressions.Update update,
      Expressions.Condition condition,
      boolean allOldOnFailure) {
    this.kind = kind;
    this.table = table;
    this.key = key;
    this.putItem = putItem;
    this.update = update;
    this.condition = condition;
    this.allOldOnFailure = allOldOnFailure;
  }

  /** Parses a write of {@code kind} from {@code node} (a request body or a transaction action). */
  static WriteAction parse(Kind kind, JsonNode node, Database db) {
    Table table = db.require(Request.text(node, "TableName"), false);
    switch (kind) {
      case PUT ->
          Request.refuseLegacy(
              node,
              "Expected",
              "ConditionExpression",
              "ConditionalOperator",
              "ConditionExpression");
      case UPDATE ->
          Request.refuseLegacy(
              node,
              "AttributeUpdates",
              "UpdateExpression",
              "Expected",
              "ConditionExpression",
              "ConditionalOperator",
              "ConditionExpression");
      default ->
          Request.refuseLegacy(
              node,
              "Expected",
              "ConditionExpression",
              "ConditionalOperator",
              "ConditionExpression");
    }
    ExpressionAttributes attributes = Request.attributes(node);
    ItemKey key;
    Map<String, AttributeValue> putItem = null;
    Expressions.Update update = null;
    if (kind == Kind.PUT) {
      JsonNode itemNode = node.get("Item");
      if (itemNode == null || itemNode.isNull()) {
        throw DynamoDbException.validation(
            "1 validation error detected: Value null at 'item' failed to satisfy constraint:"
                + " Member must not be null");
      }
      putItem = AttributeValueJson.readItem(itemNode);
      key = Keys.item(table, putItem);
    } else {
      JsonNode keyNode = node.get("Key");
      if (keyNode == null || keyNode.isNull()) {
        throw DynamoDbException.validation(
            "1 validation error detected: Value null at 'key' failed to satisfy constraint:"
                + " Member must not be null");
      }
      key = Keys.key(table, AttributeValueJson.readItem(keyNode));
    }
    if (kind == Kind.UPDATE) {
      String text = Request.text(node, "UpdateExpression");
      if (text != null) {
        update = Expressions.update(text, attributes);
        for (Path path : update.paths()) {
          if (table.def().isKey(path.attribute())) {
            throw DynamoDbException.invalidParameter(
                "Cannot update attribute "
                    + path.attribute()
                    + ". This attribute is part of the key");
          }
        }
      }
    }
    String conditionText = Request.text(node, "ConditionExpression");
    Expressions.Condition condition = null;
    if (conditionText != null) {
      condition = Expressions.condition(conditionText, "ConditionExpression", attributes);
    } else if (kind == Kind.CHECK) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value null at 'transactItems.member.conditionCheck.conditionExpression'"
              + " failed to satisfy constraint: Member must not be null");
    }
    Request.checkAllUsed(node, attributes);
    boolean allOld = Request.allOldOnFailure(node);
    return new WriteAction(kind, table, key, putItem, update, condition, allOld);
  }

  /** True if the condition (if any) holds for the current item. */
  boolean holds(Item current) {
    return condition == null || condition.test(current == null ? Map.of() : current.attributes());
  }

  /** The ConditionalCheckFailedException for {@code current}, with the old item if asked for. */
  DynamoDbException failed(Item current) {
    return DynamoDbException.conditionalCheckFailed(
        allOldOnFailure && current != null
            ? AttributeValueJson.writeItem(current.attributes())
            : null);
  }

  /**
   * The item after this write ({@code null} for a delete; {@code current} unchanged for a
   * ConditionCheck), validated. Throws the update's evaluation errors.
   */
  Item result(Item current) {
    switch (kind) {
      case PUT:
        return Keys.stored(table, putItem);
      case DELETE:
        return null;
      case CHECK:
        return current;
      default:
        break;
    }
    Map<String, AttributeValue> base = current == null ? Map.of() : current.attributes();
    Map<String, AttributeValue> updated = update == null ? base : update.apply(base);
    // The key first, as DynamoDB returns a new item's key first; an update never changes it.
    Map<String, AttributeValue> item = new LinkedHashMap<>(table.keyMap(key));
    for (Map.Entry<String, AttributeValue> e : updated.entrySet()) {
      if (!item.containsKey(e.getKey())) {
        item.put(e.getKey(), e.getValue());
      }
    }
    return Keys.stored(table, item);
  }

  /** The paths an update touched, for UPDATED_OLD / UPDATED_NEW. */
  List<Path> updatedPaths() {
    return update == null ? List.of() : update.paths();
  }
}
