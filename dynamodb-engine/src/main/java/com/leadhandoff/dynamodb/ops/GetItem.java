package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.expr.ExpressionAttributes;
import com.leadhandoff.dynamodb.expr.Expressions;
import com.leadhandoff.dynamodb.expr.Path;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.table.Capacity;
import com.leadhandoff.dynamodb.table.Database;
import com.leadhandoff.dynamodb.table.Item;
import com.leadhandoff.dynamodb.table.ItemKey;
import com.leadhandoff.dynamodb.table.Table;
import java.util.List;
import java.util.Map;

/**
 * GetItem: one item by key, whole or projected (API Reference, "GetItem"). Every read here is
 * strongly consistent; ConsistentRead changes only the units consumed.
 */
public final class GetItem implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    Get get = Get.parse(r.body, r.db);
    Request.returnConsumedCapacity(r.body);
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    Item item = get.table.get(get.key);
    if (item != null) {
      response.set("Item", AttributeValueJson.writeItem(get.project(item)));
    }
    Consumption.reads()
        .read(get.table, null, Capacity.read(item == null ? 0 : item.size(), get.consistent))
        .meter(r.db.meter)
        .answer(r.body, response);
    return response;
  }

  /** A parsed read of one item, shared with BatchGetItem and TransactGetItems. */
  static final class Get {
    final Table table;
    final ItemKey key;
    final List<Path> projection;

    /** Whether ConsistentRead was asked for: reads here always are, but billing differs. */
    final boolean consistent;

    private Get(Table table, ItemKey key, List<Path> projection, boolean consistent) {
      this.table = table;
      this.key = key;
      this.projection = projection;
      this.consistent = consistent;
    }

    static Get parse(JsonNode node, Database db) {
      Table table = db.require(Request.text(node, "TableName"), false);
      return parse(node, table, node.get("Key"));
    }

    /** A read of {@code keyNode}; {@code node} gives the projection and its placeholders. */
    static Get parse(JsonNode node, Table table, JsonNode keyNode) {
      Request.refuseLegacy(node, "AttributesToGet", "ProjectionExpression");
      if (keyNode == null || keyNode.isNull()) {
        throw DynamoDbException.validation(
            "1 validation error detected: Value null at 'key' failed to satisfy constraint:"
                + " Member must not be null");
      }
      ItemKey key = Keys.key(table, AttributeValueJson.readItem(keyNode));
      ExpressionAttributes attributes = Request.attributes(node);
      String text = Request.text(node, "ProjectionExpression");
      List<Path> projection = text == null ? null : Expressions.projection(text, attributes);
      Request.checkAllUsed(node, attributes);
      return new Get(table, key, projection, node.path("ConsistentRead").asBoolean(false));
    }

    Map<String, AttributeValue> project(Item item) {
      return projection == null ? item.attributes() : Path.project(item.attributes(), projection);
    }
  }
}
