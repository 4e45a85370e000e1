package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.table.Table;

/** DescribeTimeToLive (API Reference, "DescribeTimeToLive"). */
public final class DescribeTimeToLive implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    Table table = r.db.require(r.text("TableName"), true);
    String attribute = table.def().ttlAttribute;
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ObjectNode d = response.putObject("TimeToLiveDescription");
    if (attribute == null) {
      d.put("TimeToLiveStatus", "DISABLED");
    } else {
      d.put("TimeToLiveStatus", "ENABLED");
      d.put("AttributeName", attribute);
    }
    return response;
  }
}
