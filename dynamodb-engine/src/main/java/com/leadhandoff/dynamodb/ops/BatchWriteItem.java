package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.table.Database;
import com.leadhandoff.dynamodb.table.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem (API Reference, "BatchWriteItem"): up to 25 puts and deletes over one or more
 * tables, each atomic on its own, without conditions; all are validated before any is applied and
 * all are processed, so UnprocessedItems is always empty.
 */
public final class BatchWriteItem implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    JsonNode requestItems = r.requestItems();
    int total = 0;
    for (JsonNode t : requestItems) {
      total += t.size();
      if (t.size() == 0) {
        throw DynamoDbException.validation(
            "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy"
                + " constraint: Map value must satisfy constraint: [Member must have length less"
                + " than or equal to 25, Member must have length greater than or equal to 1]");
      }
    }
    if (total > 25) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map"
              + " value must satisfy constraint: [Member must have length less than or equal to 25,"
              + " Member must have length greater than or equal to 1]");
    }
    List<WriteAction> actions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (JsonNode request : e.getValue()) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("TableName", e.getKey());
        WriteAction action;
        if (request.has("PutRequest")) {
          node.set("Item", request.get("PutRequest").get("Item"));
          action = WriteAction.parse(WriteAction.Kind.PUT, node, r.db);
        } else if (request.has("DeleteRequest")) {
          node.set("Key", request.get("DeleteRequest").get("Key"));
          action = WriteAction.parse(WriteAction.Kind.DELETE, node, r.db);
        } else {
          throw DynamoDbException.validation(
              "Supplied AttributeValue has more than one datatypes set, must contain exactly one"
                  + " of the supported datatypes");
        }
        if (!seen.add(action.table.def().name + "\u0000" + action.key)) {
          throw DynamoDbException.validation("Provided list of item keys contains duplicates");
        }
        actions.add(action);
      }
    }
    List<Item> results = new ArrayList<>();
    for (WriteAction action : actions) {
      results.add(action.result(null));
    }
    Request.returnConsumedCapacity(r.body);
    Consumption consumed = Consumption.writes();
    for (int i = 0; i < actions.size(); i++) {
      WriteAction action = actions.get(i);
      try (Database.Held held = r.db.lock(action.table, action.key)) {
        Item old = action.table.get(action.key);
        if (old != null || results.get(i) != null) {
          r.db.commit(new Database.Write(action.table, action.key, old, results.get(i)));
        }
        consumed.write(action.table, old, results.get(i), 1);
      }
    }
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.putObject("UnprocessedItems");
    consumed.meter(r.db.meter).answerList(r.body, response);
    return response;
  }
}
