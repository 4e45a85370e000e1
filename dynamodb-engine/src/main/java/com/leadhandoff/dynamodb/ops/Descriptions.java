package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.table.Index;
import com.leadhandoff.dynamodb.table.IndexDef;
import com.leadhandoff.dynamodb.table.Table;
import com.leadhandoff.dynamodb.table.TableDef;

/** TableDescription as DescribeTable, CreateTable, UpdateTable and DeleteTable return it. */
final class Descriptions {
  /** The account every ARN of this engine names. */
  static final String ACCOUNT = "000000000000";

  private Descriptions() {}

  static String arn(String region, String table) {
    return "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + table;
  }

  static ObjectNode table(Table table, String region, String status) {
    TableDef def = table.def();
    ObjectNode d = JsonNodeFactory.instance.objectNode();
    d.set("AttributeDefinitions", def.attributeDefinitionsJson());
    d.put("TableName", def.name);
    d.set("KeySchema", def.toJson().get("KeySchema"));
    d.put("TableStatus", status);
    d.put("CreationDateTime", def.creationDateTime);
    d.set("ProvisionedThroughput", throughput(def.rcu, def.wcu));
    d.put("TableSizeBytes", table.sizeBytes());
    d.put("ItemCount", table.itemCount());
    String arn = arn(region, def.name);
    d.put("TableArn", arn);
    d.put("TableId", def.tableId);
    ObjectNode billing = d.putObject("BillingModeSummary");
    billing.put("BillingMode", def.billingMode);
    if (def.billingMode.equals("PAY_PER_REQUEST")) {
      billing.put("LastUpdateToPayPerRequestDateTime", def.creationDateTime);
    }
    if (!def.globalIndexes.isEmpty()) {
      ArrayNode g = d.putArray("GlobalSecondaryIndexes");
      for (IndexDef i : def.globalIndexes) {
        g.add(index(table, i, arn));
      }
    }
    if (!def.localIndexes.isEmpty()) {
      ArrayNode l = d.putArray("LocalSecondaryIndexes");
      for (IndexDef i : def.localIndexes) {
        l.add(index(table, i, arn));
      }
    }
    if (def.streamSpecification != null
        && def.streamSpecification.path("StreamEnabled").asBoolean(false)) {
      d.set("StreamSpecification", def.streamSpecification);
      String label = String.format("%.3f", def.creationDateTime).replace(',', '.');
      d.put("LatestStreamLabel", label);
      d.put("LatestStreamArn", arn + "/stream/" + label);
    }
    d.put("DeletionProtectionEnabled", false);
    return d;
  }

  private static ObjectNode index(Table table, IndexDef def, String tableArn) {
    ObjectNode i = def.toJson(false);
    Index index = table.indexes().get(def.name());
    if (def.global()) {
      i.put("IndexStatus", "ACTIVE");
      i.set("ProvisionedThroughput", throughput(def.rcu(), def.wcu()));
    }
    i.put("IndexSizeBytes", index == null ? 0 : index.sizeBytes());
    i.put("ItemCount", index == null ? 0 : index.itemCount());
    i.put("IndexArn", tableArn + "/index/" + def.name());
    return i;
  }

  private static ObjectNode throughput(long rcu, long wcu) {
    ObjectNode pt = JsonNodeFactory.instance.objectNode();
    pt.put("NumberOfDecreasesToday", 0);
    pt.put("ReadCapacityUnits", rcu);
    pt.put("WriteCapacityUnits", wcu);
    return pt;
  }
}
