package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.table.Constraints;
import com.leadhandoff.dynamodb.table.IndexDef;
import com.leadhandoff.dynamodb.table.KeyElement;
import com.leadhandoff.dynamodb.table.Table;
import com.leadhandoff.dynamodb.table.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable (API Reference, "UpdateTable"): billing mode and throughput, stream specification,
 * and global secondary indexes created (backfilled from the table's items before this returns, so
 * ACTIVE at once) or deleted.
 */
public final class UpdateTable implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    Table table = r.db.require(r.text("TableName"), true);
    TableDef def = table.def();
    String billingMode = r.text("BillingMode");
    new Constraints().oneOf(billingMode, "billingMode", "PROVISIONED", "PAY_PER_REQUEST").check();
    JsonNode pt = r.body.get("ProvisionedThroughput");
    JsonNode updates = r.body.get("GlobalSecondaryIndexUpdates");
    JsonNode stream = r.body.get("StreamSpecification");
    if (billingMode == null
        && pt == null
        && updates == null
        && stream == null
        && !r.body.has("DeletionProtectionEnabled")
        && !r.body.has("SSESpecification")
        && !r.body.has("TableClass")) {
      throw DynamoDbException.validation(
          "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
              + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
    }
    String mode = billingMode == null ? def.billingMode : billingMode;
    long rcu = def.rcu;
    long wcu = def.wcu;
    if (mode.equals("PAY_PER_REQUEST")) {
      if (pt != null && !pt.isNull()) {
        throw DynamoDbException.invalidParameter(
            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
                + " PAY_PER_REQUEST");
      }
      rcu = 0;
      wcu = 0;
    } else if (pt != null && !pt.isNull()) {
      rcu = pt.path("ReadCapacityUnits").asLong();
      wcu = pt.path("WriteCapacityUnits").asLong();
    } else if (!def.billingMode.equals("PROVISIONED")) {
      throw DynamoDbException.invalidParameter(
          "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
    }

    Map<String, String> defs = new LinkedHashMap<>(def.attributeDefinitions);
    for (JsonNode d : r.node("AttributeDefinitions")) {
      String name = d.path("AttributeName").asText();
      String type = d.path("AttributeType").asText();
      new Constraints()
          .oneOf(type, "attributeDefinitions.member.attributeType", "B", "N", "S")
          .check();
      String existing = defs.put(name, type);
      if (existing != null && !existing.equals(type)) {
        throw DynamoDbException.invalidParameter(
            "Cannot change the type of attribute " + name + " from " + existing + " to " + type);
      }
    }
    List<IndexDef> globals = new ArrayList<>(def.globalIndexes);
    Set<String> names = new LinkedHashSet<>();
    def.indexes().forEach(i -> names.add(i.name()));
    for (JsonNode u : r.node("GlobalSecondaryIndexUpdates")) {
      if (u.has("Create")) {
        JsonNode c = u.get("Create");
        if (names.contains(c.path("IndexName").asText())) {
          throw DynamoDbException.validation(
              "One or more parameter values were invalid: Index with name "
                  + c.path("IndexName").asText()
                  + " already exists");
        }
        globals.add(
            TableDef.index(
                c,
                true,
                mode,
                defs,
                new LinkedHashSet<>(),
                new KeyElement[] {def.hash, def.range},
                names));
      } else if (u.has("Delete")) {
        String name = u.get("Delete").path("IndexName").asText();
        if (!globals.removeIf(i -> i.name().equals(name))) {
          throw new DynamoDbException(
              "ResourceNotFoundException",
              "Requested resource not found: Index: " + name + " not found",
              400,
              null);
        }
        names.remove(name);
      } else if (u.has("Update")) {
        JsonNode up = u.get("Update");
        String name = up.path("IndexName").asText();
        int at = -1;
        for (int i = 0; i < globals.size(); i++) {
          if (globals.get(i).name().equals(name)) {
            at = i;
          }
        }
        if (at < 0) {
          throw new DynamoDbException(
              "ResourceNotFoundException",
              "Requested resource not found: Index: " + name + " not found",
              400,
              null);
        }
        IndexDef old = globals.get(at);
        JsonNode ipt = up.path("ProvisionedThroughput");
        globals.set(
            at,
            new IndexDef(
                old.name(),
                true,
                old.hash(),
                old.range(),
                old.projectionType(),
                old.nonKeyAttributes(),
                ipt.path("ReadCapacityUnits").asLong(old.rcu()),
                ipt.path("WriteCapacityUnits").asLong(old.wcu())));
      }
    }
    if (mode.equals("PAY_PER_REQUEST")) {
      List<IndexDef> onDemand = new ArrayList<>();
      for (IndexDef i : globals) {
        onDemand.add(
            new IndexDef(
                i.name(),
                true,
                i.hash(),
                i.range(),
                i.projectionType(),
                i.nonKeyAttributes(),
                0,
                0));
      }
      globals = onDemand;
    }
    // Keep only the definitions some key still uses.
    Set<String> used = new LinkedHashSet<>();
    used.add(def.hash.name());
    if (def.range != null) {
      used.add(def.range.name());
    }
    globals.forEach(i -> i.keyNames(used));
    def.localIndexes.forEach(i -> i.keyNames(used));
    defs.keySet().retainAll(used);
    JsonNode newStream = stream == null || stream.isNull() ? def.streamSpecification : stream;
    TableDef newDef = def.with(defs, globals, mode, rcu, wcu, newStream, def.ttlAttribute);
    r.db.redefine(table, newDef);
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.set("TableDescription", Descriptions.table(table, r.region, "ACTIVE"));
    return response;
  }
}
