package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.table.Database;
import com.leadhandoff.dynamodb.table.Item;

/**
 * PutItem: creates or replaces an item, optionally under a condition (API Reference, "PutItem").
 */
public final class PutItem implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    WriteAction action = WriteAction.parse(WriteAction.Kind.PUT, r.body, r.db);
    // PutItem allows only NONE and ALL_OLD.
    String returnValues = Request.returnValues(r.body, "NONE", "ALL_OLD");
    Item neu = action.result(null);
    Request.returnConsumedCapacity(r.body);
    Item old;
    try (Database.Held held = r.db.lock(action.table, action.key)) {
      old = action.table.get(action.key);
      if (!action.holds(old)) {
        Consumption.writes().write(action.table, old, old, 1).meter(r.db.meter);
        throw action.failed(old);
      }
      r.db.commit(new Database.Write(action.table, action.key, old, neu));
    }
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    if (returnValues.equals("ALL_OLD") && old != null) {
      response.set("Attributes", AttributeValueJson.writeItem(old.attributes()));
    }
    Consumption.writes()
        .write(action.table, old, neu, 1)
        .meter(r.db.meter)
        .answer(r.body, response);
    return response;
  }
}
