package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.table.Table;

/**
 * DeleteTable (API Reference, "DeleteTable"): the table is gone at once; the description returned
 * says DELETING as DynamoDB's does.
 */
public final class DeleteTable implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    Table table = r.db.delete(r.text("TableName"));
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.set("TableDescription", Descriptions.table(table, r.region, "DELETING"));
    return response;
  }
}
