package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.table.Capacity;
import com.leadhandoff.dynamodb.table.Database;
import com.leadhandoff.dynamodb.table.Item;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * TransactGetItems (API Reference, "TransactGetItems"): up to 100 items read as of one moment — the
 * items' locks are held while they are read, so no transaction is seen half applied.
 */
public final class TransactGetItems implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    JsonNode items = r.transactItems();
    List<GetItem.Get> gets = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode item : items) {
      JsonNode get = item.get("Get");
      if (get == null) {
        throw DynamoDbException.validation("TransactItems can only contain Get");
      }
      GetItem.Get g = GetItem.Get.parse(get, r.db);
      if (!seen.add(g.table.def().name + "\u0000" + g.key)) {
        throw DynamoDbException.validation(
            "Transaction request cannot include multiple operations on one item");
      }
      gets.add(g);
    }
    int[] stripes = new int[gets.size()];
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = r.db.stripe(gets.get(i).table, gets.get(i).key);
    }
    Request.returnConsumedCapacity(r.body);
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ArrayNode responses = response.putArray("Responses");
    Consumption consumed = Consumption.reads();
    try (Database.Held held = r.db.lockAll(stripes)) {
      for (GetItem.Get g : gets) {
        Item item = g.table.get(g.key);
        // A transactional read costs twice a strongly consistent one.
        consumed.read(g.table, null, 2 * Capacity.read(item == null ? 0 : item.size(), true));
        ObjectNode entry = responses.addObject();
        if (item != null) {
          entry.set("Item", AttributeValueJson.writeItem(g.project(item)));
        }
      }
    }
    consumed.meter(r.db.meter).answerList(r.body, response);
    return response;
  }
}
