package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.table.Table;
import com.leadhandoff.dynamodb.table.TableDef;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CreateTable (API Reference, "CreateTable"). The table and its indexes are ACTIVE at once: there
 * is nothing to provision.
 */
public final class CreateTable implements Operation {
  private static final AtomicLong IDS = new AtomicLong();

  @Override
  public ObjectNode apply(Request r) {
    long millis = r.db.clock.millis();
    String tableId =
        String.format("%08x-0000-4000-8000-%012x", (int) (millis / 1000), IDS.incrementAndGet());
    com.fasterxml.jackson.databind.JsonNode body = r.body;
    String name = r.text("TableName");
    if (name != null && name.startsWith("arn:")) {
      // "You can also provide the Amazon Resource Name (ARN) of the table in this parameter."
      ObjectNode copy = ((ObjectNode) body).deepCopy();
      copy.put("TableName", com.leadhandoff.dynamodb.table.Database.tableName(name));
      body = copy;
    }
    TableDef def = TableDef.parse(body, millis / 1000.0, tableId, null);
    Table table = r.db.create(def);
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.set("TableDescription", Descriptions.table(table, r.region, "ACTIVE"));
    return response;
  }
}
