package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.table.Constraints;
import java.util.List;

/**
 * ListTables (API Reference, "ListTables"): names in order, at most Limit (1–100, default 100)
 * after ExclusiveStartTableName, with LastEvaluatedTableName when more may follow.
 */
public final class ListTables implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    int limit = 100;
    JsonNode l = r.body.get("Limit");
    if (l != null && !l.isNull()) {
      limit = l.asInt();
      Constraints c = new Constraints();
      if (limit < 1) {
        c.fail(limit, "limit", "Member must have value greater than or equal to 1");
      }
      if (limit > 100) {
        c.fail(limit, "limit", "Member must have value less than or equal to 100");
      }
      c.check();
    }
    String start = r.text("ExclusiveStartTableName");
    List<String> names = r.db.tableNames();
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ArrayNode out = response.putArray("TableNames");
    String last = null;
    int remaining = 0;
    for (String name : names) {
      if (start != null && name.compareTo(start) <= 0) {
        continue;
      }
      if (out.size() == limit) {
        remaining++;
        break;
      }
      out.add(name);
      last = name;
    }
    if (remaining > 0) {
      response.put("LastEvaluatedTableName", last);
    }
    return response;
  }
}
