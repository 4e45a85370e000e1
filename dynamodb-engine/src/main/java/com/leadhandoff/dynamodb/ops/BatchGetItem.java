package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.model.AttributeValueJson;
import com.leadhandoff.dynamodb.table.Capacity;
import com.leadhandoff.dynamodb.table.Item;
import com.leadhandoff.dynamodb.table.ItemKey;
import com.leadhandoff.dynamodb.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem (API Reference, "BatchGetItem"): up to 100 keys over one or more tables; everything
 * is processed, so UnprocessedKeys is always empty.
 */
public final class BatchGetItem implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    JsonNode requestItems = r.requestItems();
    int total = 0;
    for (JsonNode t : requestItems) {
      total += t.path("Keys").size();
    }
    if (total > 100) {
      throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
    }
    List<Map.Entry<String, List<GetItem.Get>>> reads = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Table table = r.db.require(e.getKey(), false);
      JsonNode spec = e.getValue();
      JsonNode keys = spec.get("Keys");
      if (keys == null || !keys.isArray() || keys.isEmpty()) {
        throw DynamoDbException.validation(
            "1 validation error detected: Value null at 'requestItems."
                + e.getKey()
                + ".member.keys' failed to satisfy constraint: Member must have length greater"
                + " than or equal to 1");
      }
      Set<ItemKey> seen = new HashSet<>();
      List<GetItem.Get> gets = new ArrayList<>();
      for (JsonNode key : keys) {
        GetItem.Get get = GetItem.Get.parse(spec, table, key);
        if (!seen.add(get.key)) {
          throw DynamoDbException.validation("Provided list of item keys contains duplicates");
        }
        gets.add(get);
      }
      reads.add(Map.entry(e.getKey(), gets));
    }
    Request.returnConsumedCapacity(r.body);
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ObjectNode responses = response.putObject("Responses");
    // Each item is billed as its own GetItem, rounded up alone (Developer Guide, "BatchGetItem").
    Consumption consumed = Consumption.reads();
    for (Map.Entry<String, List<GetItem.Get>> e : reads) {
      ArrayNode items = responses.putArray(e.getKey());
      for (GetItem.Get get : e.getValue()) {
        Item item = get.table.get(get.key);
        consumed.read(
            get.table, null, Capacity.read(item == null ? 0 : item.size(), get.consistent));
        if (item != null) {
          items.add(AttributeValueJson.writeItem(get.project(item)));
        }
      }
    }
    response.putObject("UnprocessedKeys");
    consumed.meter(r.db.meter).answerList(r.body, response);
    return response;
  }
}
