package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.table.Table;

/** DescribeTable (API Reference, "DescribeTable"). */
public final class DescribeTable implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    Table table = r.db.require(r.text("TableName"), true);
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.set("Table", Descriptions.table(table, r.region, "ACTIVE"));
    return response;
  }
}
