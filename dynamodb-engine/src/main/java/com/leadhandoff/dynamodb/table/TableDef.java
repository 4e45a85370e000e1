package com.leadhandoff.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table's definition, immutable: what CreateTable gave and UpdateTable changed since. Serialised
 * as a CreateTable request plus {@code CreationDateTime}, {@code TableId} and {@code TimeToLive}
 * for the store.
 */
public final class TableDef {
  public final String name;
  public final KeyElement hash;
  public final KeyElement range;
  public final Map<String, String> attributeDefinitions;
  public final List<IndexDef> globalIndexes;
  public final List<IndexDef> localIndexes;
  public final String billingMode;
  public final long rcu;
  public final long wcu;
  public final JsonNode streamSpecification;
  public final double creationDateTime;
  public final String tableId;

  /** The TTL attribute name, or null when TTL is disabled. */
  public final String ttlAttribute;

  private final List<IndexDef> allIndexes;

  TableDef(
      String name,
      KeyElement hash,
      KeyElement range,
      Map<String, String> attributeDefinitions,
      List<IndexDef> globalIndexes,
      List<IndexDef> localIndexes,
      String billingMode,
      long rcu,
      long wcu,
      JsonNode streamSpecification,
      double creationDateTime,
      String tableId,
      String ttlAttribute) {
    this.name = name;
    this.hash = hash;
    this.range = range;
    this.attributeDefinitions = attributeDefinitions;
    this.globalIndexes = List.copyOf(globalIndexes);
    this.localIndexes = List.copyOf(localIndexes);
    this.billingMode = billingMode;
    this.rcu = rcu;
    this.wcu = wcu;
    this.streamSpecification = streamSpecification;
    this.creationDateTime = creationDateTime;
    this.tableId = tableId;
    this.ttlAttribute = ttlAttribute;
    List<IndexDef> all = new ArrayList<>(this.globalIndexes);
    all.addAll(this.localIndexes);
    this.allIndexes = List.copyOf(all);
  }

  /** A copy with other indexes, billing and TTL. */
  public TableDef with(
      Map<String, String> attributeDefinitions,
      List<IndexDef> globalIndexes,
      String billingMode,
      long rcu,
      long wcu,
      JsonNode streamSpecification,
      String ttlAttribute) {
    return new TableDef(
        name,
        hash,
        range,
        attributeDefinitions,
        globalIndexes,
        localIndexes,
        billingMode,
        rcu,
        wcu,
        streamSpecification,
        creationDateTime,
        tableId,
        ttlAttribute);
  }

  /** True if {@code attribute} is part of the table's primary key. */
  public boolean isKey(String attribute) {
    return hash.name().equals(attribute) || (range != null && range.name().equals(attribute));
  }

  /** All indexes, global then local. */
  public List<IndexDef> indexes() {
    return allIndexes;
  }

  /** The index named, or null. */
  public IndexDef index(String indexName) {
    for (IndexDef i : globalIndexes) {
      if (i.name().equals(indexName)) {
        return i;
      }
    }
    for (IndexDef i : localIndexes) {
      if (i.name().equals(indexName)) {
        return i;
      }
    }
    return null;
  }

  static ArrayNode keySchemaJson(KeyElement hash, KeyElement range) {
    ArrayNode schema = JsonNodeFactory.instance.arrayNode();
    schema.addObject().put("AttributeName", hash.name()).put("KeyType", "HASH");
    if (range != null) {
      schema.addObject().put("AttributeName", range.name()).put("KeyType", "RANGE");
    }
    return schema;
  }

  /** The definition as stored: a CreateTable request plus what the engine adds. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("TableName", name);
    node.set("KeySchema", keySchemaJson(hash, range));
    node.set("AttributeDefinitions", attributeDefinitionsJson());
    if (!globalIndexes.isEmpty()) {
      ArrayNode g = node.putArray("GlobalSecondaryIndexes");
      globalIndexes.forEach(i -> g.add(i.toJson(billingMode.equals("PROVISIONED"))));
    }
    if (!localIndexes.isEmpty()) {
      ArrayNode l = node.putArray("LocalSecondaryIndexes");
      localIndexes.forEach(i -> l.add(i.toJson(false)));
    }
    node.put("BillingMode", billingMode);
    if (billingMode.equals("PROVISIONED")) {
      node.putObject("ProvisionedThroughput")
          .put("ReadCapacityUnits", rcu)
          .put("WriteCapacityUnits", wcu);
    }
    if (streamSpecification != null) {
      node.set("StreamSpecification", streamSpecification);
    }
    node.put("CreationDateTime", creationDateTime);
    node.put("TableId", tableId);
    if (ttlAttribute != null) {
      node.put("TimeToLive", ttlAttribute);
    }
    return node;
  }

  /** AttributeDefinitions as the wire gives them. */
  public ArrayNode attributeDefinitionsJson() {
    ArrayNode defs = JsonNodeFactory.instance.arrayNode();
    attributeDefinitions.forEach(
        (n, t) -> defs.addObject().put("AttributeName", n).put("AttributeType", t));
    return defs;
  }

  /** Reads a stored definition back. */
  public static TableDef fromJson(JsonNode node) {
    return parse(
        node,
        node.path("CreationDateTime").asDouble(),
        node.path("TableId").asText(),
        node.hasNonNull("TimeToLive") ? node.get("TimeToLive").asText() : null);
  }

  /**
   * Parses and validates a CreateTable request (API Reference, "CreateTable"): name, key schema,
   * attribute definitions covering exactly the key attributes of the table and its indexes, index
   * definitions and billing.
   */
  public static TableDef parse(
      JsonNode request, double creationDateTime, String tableId, String ttlAttribute) {
    String name = textOrNull(request, "TableName");
    Constraints c = new Constraints().name(name, "tableName", 255);
    c.required(request.get("KeySchema"), "keySchema");
    c.required(request.get("AttributeDefinitions"), "attributeDefinitions");
    String billingMode = textOrNull(request, "BillingMode");
    c.oneOf(billingMode, "billingMode", "PROVISIONED", "PAY_PER_REQUEST");
    JsonNode defsNode = request.path("AttributeDefinitions");
    for (int i = 0; i < defsNode.size(); i++) {
      c.oneOf(
          textOrNull(defsNode.get(i), "AttributeType"),
          "attributeDefinitions." + (i + 1) + ".member.attributeType",
          "B",
          "N",
          "S");
    }
    c.check();
    if (billingMode == null) {
      billingMode = "PROVISIONED";
    }

    Map<String, String> defs = new LinkedHashMap<>();
    for (JsonNode d : defsNode) {
      String attr = textOrNull(d, "AttributeName");
      if (attr == null || defs.put(attr, d.get("AttributeType").asText()) != null) {
        throw DynamoDbException.invalidParameter(
            "Duplicate AttributeName in AttributeDefinitions: " + attr);
      }
    }
    Set<String> used = new LinkedHashSet<>();
    KeyElement[] key = keySchema(request.get("KeySchema"), defs, used, null);

    long rcu = 0;
    long wcu = 0;
    JsonNode pt = request.get("ProvisionedThroughput");
    if (billingMode.equals("PROVISIONED")) {
      if (pt == null || !pt.has("ReadCapacityUnits") || !pt.has("WriteCapacityUnits")) {
        throw DynamoDbException.invalidParameter(
            "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is"
                + " PROVISIONED");
      }
      rcu = pt.get("ReadCapacityUnits").asLong();
      wcu = pt.get("WriteCapacityUnits").asLong();
      if (rcu < 1 || wcu < 1) {
        throw DynamoDbException.invalidParameter(
            "ProvisionedThroughput ReadCapacityUnits and WriteCapacityUnits must be at least 1");
      }
    } else if (pt != null && !pt.isNull()) {
      throw DynamoDbException.invalidParameter(
          "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is"
              + " PAY_PER_REQUEST");
    }

    Set<String> indexNames = new LinkedHashSet<>();
    List<IndexDef> globals = new ArrayList<>();
    for (JsonNode g : request.path("GlobalSecondaryIndexes")) {
      globals.add(index(g, true, billingMode, defs, used, key, indexNames));
    }
    List<IndexDef> locals = new ArrayList<>();
    JsonNode lsis = request.path("LocalSecondaryIndexes");
    if (lsis.size() > 0 && key[1] == null) {
      throw DynamoDbException.invalidParameter(
          "Table KeySchema does not have a range key, which is required when specifying a"
              + " LocalSecondaryIndex");
    }
    for (JsonNode l : lsis) {
      locals.add(index(l, false, billingMode, defs, used, key, indexNames));
    }
    if (globals.size() > 20) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20");
    }
    if (locals.size() > 5) {
      throw DynamoDbException.invalidParameter(
          "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    }
    if (!used.equals(defs.keySet())) {
      if (globals.isEmpty() && locals.isEmpty()) {
        throw DynamoDbException.invalidParameter(
            "Number of attributes in KeySchema does not exactly match number of attributes defined"
                + " in AttributeDefinitions");
      }
      throw DynamoDbException.invalidParameter(
          "Some AttributeDefinitions are not used. AttributeDefinitions: "
              + defs.keySet()
              + ", keys used: "
              + used);
    }
    JsonNode stream = request.get("StreamSpecification");
    if (stream != null && stream.path("StreamEnabled").asBoolean(false)) {
      if (!stream.hasNonNull("StreamViewType")) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: You must specify a StreamViewType when"
                + " enabling a stream");
      }
    }
    return new TableDef(
        name,
        key[0],
        key[1],
        defs,
        globals,
        locals,
        billingMode,
        rcu,
        wcu,
        stream == null || stream.isNull() ? null : stream,
        creationDateTime,
        tableId,
        ttlAttribute);
  }

  /** Parses one index definition of CreateTable or UpdateTable. */
  public static IndexDef index(
      JsonNode g,
      boolean global,
      String billingMode,
      Map<String, String> defs,
      Set<String> used,
      KeyElement[] tableKey,
      Set<String> indexNames) {
    String indexName = textOrNull(g, "IndexName");
    new Constraints()
        .name(
            indexName,
            global
                ? "globalSecondaryIndexes.member.indexName"
                : "localSecondaryIndexes.member.indexName",
            255)
        .check();
    if (!indexNames.add(indexName)) {
      throw DynamoDbException.invalidParameter("Duplicate index name: " + indexName);
    }
    KeyElement[] key = keySchema(g.get("KeySchema"), defs, used, indexName);
    if (!global && !key[0].name().equals(tableKey[0].name())) {
      throw DynamoDbException.invalidParameter(
          "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
              + indexName
              + ". index hash key: "
              + key[0].name()
              + ", table hash key: "
              + tableKey[0].name());
    }
    if (!global && key[1] == null) {
      throw DynamoDbException.invalidParameter(
          "Index KeySchema for a LocalSecondaryIndex must have a range key: " + indexName);
    }
    JsonNode projection = g.get("Projection");
    if (projection == null || !projection.hasNonNull("ProjectionType")) {
      throw DynamoDbException.invalidParameter("Unknown ProjectionType: null");
    }
    String type = projection.get("ProjectionType").asText();
    new Constraints()
        .oneOf(type, "projection.projectionType", "ALL", "KEYS_ONLY", "INCLUDE")
        .check();
    List<String> nonKey = new ArrayList<>();
    projection.path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
    if (type.equals("INCLUDE") && nonKey.isEmpty()) {
      throw DynamoDbException.invalidParameter(
          "NonKeyAttributes must be specified when ProjectionType is INCLUDE");
    }
    if (!type.equals("INCLUDE") && projection.has("NonKeyAttributes")) {
      throw DynamoDbException.invalidParameter(
          "ProjectionType is " + type + ", but NonKeyAttributes is specified");
    }
    long rcu = 0;
    long wcu = 0;
    JsonNode pt = g.get("ProvisionedThroughput");
    if (global) {
      if (billingMode.equals("PROVISIONED")) {
        if (pt == null || pt.isNull()) {
          throw DynamoDbException.invalidParameter(
              "ProvisionedThroughput must be specified for index: " + indexName);
        }
        rcu = pt.path("ReadCapacityUnits").asLong();
        wcu = pt.path("WriteCapacityUnits").asLong();
      } else if (pt != null && !pt.isNull()) {
        throw DynamoDbException.invalidParameter(
            "ProvisionedThroughput should not be specified for index: "
                + indexName
                + " when BillingMode is PAY_PER_REQUEST");
      }
    }
    return new IndexDef(indexName, global, key[0], key[1], type, nonKey, rcu, wcu);
  }

  private static KeyElement[] keySchema(
      JsonNode schema, Map<String, String> defs, Set<String> used, String indexName) {
    if (schema == null || !schema.isArray() || schema.size() < 1 || schema.size() > 2) {
      throw DynamoDbException.validation(
          "1 validation error detected: Value '"
              + schema
              + "' at '"
              + (indexName == null ? "keySchema" : "globalSecondaryIndexes.member.keySchema")
              + "' failed to satisfy constraint: Member must have length less than or equal to 2");
    }
    KeyElement[] key = new KeyElement[2];
    for (int i = 0; i < schema.size(); i++) {
      JsonNode e = schema.get(i);
      String attr = textOrNull(e, "AttributeName");
      String keyType = textOrNull(e, "KeyType");
      new Constraints()
          .required(attr, "keySchema." + (i + 1) + ".member.attributeName")
          .required(keyType, "keySchema." + (i + 1) + ".member.keyType")
          .oneOf(keyType, "keySchema." + (i + 1) + ".member.keyType", "HASH", "RANGE")
          .check();
      if (i == 0 && !keyType.equals("HASH")) {
        throw DynamoDbException.validation(
            "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
      }
      if (i == 1 && !keyType.equals("RANGE")) {
        throw DynamoDbException.validation(
            "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
      }
      if (i == 1 && attr.equals(key[0].name())) {
        throw DynamoDbException.validation(
            "Both the Hash Key and the Range Key element in the KeySchema have the same name");
      }
      String type = defs.get(attr);
      if (type == null) {
        List<String> keys = new ArrayList<>();
        schema.forEach(s -> keys.add(s.path("AttributeName").asText()));
        throw DynamoDbException.invalidParameter(
            "Some index key attributes are not defined in AttributeDefinitions. Keys: "
                + keys
                + ", AttributeDefinitions: "
                + defs.keySet());
      }
      used.add(attr);
      key[i] = new KeyElement(attr, type);
    }
    return key;
  }

  static String textOrNull(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
