package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.table.Table;
import com.leadhandoff.dynamodb.table.TableDef;

/**
 * UpdateTimeToLive (API Reference, "UpdateTimeToLive"): enables TTL on an attribute or disables it.
 * Enabling when enabled or disabling when disabled is refused as DynamoDB refuses it.
 */
public final class UpdateTimeToLive implements Operation {
  @Override
  public ObjectNode apply(Request r) {
    Table table = r.db.require(r.text("TableName"), true);
    JsonNode spec = r.body.get("TimeToLiveSpecification");
    if (spec == null || spec.isNull()) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy"
              + " constraint: Member must not be null");
    }
    boolean enabled = spec.path("Enabled").asBoolean(false);
    String attribute = spec.path("AttributeName").asText(null);
    if (attribute == null || attribute.isEmpty()) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value null at 'timeToLiveSpecification.attributeName'"
              + " failed to satisfy constraint: Member must not be null");
    }
    TableDef def = table.def();
    if (enabled && def.ttlAttribute != null) {
      throw DynamoDbException.validation("TimeToLive is already enabled");
    }
    if (!enabled && def.ttlAttribute == null) {
      throw DynamoDbException.validation("TimeToLive is already disabled");
    }
    if (!enabled && !def.ttlAttribute.equals(attribute)) {
      throw DynamoDbException.validation(
          "TimeToLive is active on a different AttributeName: current AttributeName is "
              + def.ttlAttribute);
    }
    r.db.redefine(
        table,
        def.with(
            def.attributeDefinitions,
            def.globalIndexes,
            def.billingMode,
            def.rcu,
            def.wcu,
            def.streamSpecification,
            enabled ? attribute : null));
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response
        .putObject("TimeToLiveSpecification")
        .put("Enabled", enabled)
        .put("AttributeName", attribute);
    return response;
  }
}
