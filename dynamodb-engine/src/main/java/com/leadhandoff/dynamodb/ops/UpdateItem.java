package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.expr.Path;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.table.Database;
import com.leadhandoff.dynamodb.table.Item;
import java.util.Map;

/**
 * UpdateItem: edits an item's attributes, creating the item if absent, optionally under a
 * condition; ReturnValues may be any of NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW (API
 * Reference, "UpdateItem").
 */
public final class UpdateItem implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    WriteAction action = WriteAction.parse(WriteAction.Kind.UPDATE, r.body, r.db);
    String returnValues =
        Request.returnValues(r.body, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
    Request.returnConsumedCapacity(r.body);
    Item old;
    Item neu;
    try (Database.Held held = r.db.lock(action.table, action.key)) {
      old = action.table.get(action.key);
      if (!action.holds(old)) {
        Consumption.writes().write(action.table, old, old, 1).meter(r.db.meter);
        throw action.failed(old);
      }
      neu = action.result(old);
      r.db.commit(new Database.Write(action.table, action.key, old, neu));
    }
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    Map<String, AttributeValue> returned = null;
    switch (returnValues) {
      case "ALL_OLD" -> returned = old == null ? null : old.attributes();
      case "ALL_NEW" -> returned = neu.attributes();
      case "UPDATED_OLD" ->
          returned = old == null ? null : Path.project(old.attributes(), action.updatedPaths());
      case "UPDATED_NEW" -> returned = Path.project(neu.attributes(), action.updatedPaths());
      default -> {}
    }
    if (returned != null && !returned.isEmpty()) {
      response.set("Attributes", AttributeValueJson.writeItem(returned));
    }
    Consumption.writes()
        .write(action.table, old, neu, 1)
        .meter(r.db.meter)
        .answer(r.body, response);
    return response;
  }
}
