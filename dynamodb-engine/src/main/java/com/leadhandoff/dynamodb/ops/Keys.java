package com.leadhandoff.dynamodb.ops;

import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.model.AttributeValue;
import com.leadhandoff.dynamodb.table.IndexDef;
import com.leadhandoff.dynamodb.table.Item;
import com.leadhandoff.dynamodb.table.ItemKey;
import com.leadhandoff.dynamodb.table.ItemSize;
import com.leadhandoff.dynamodb.table.KeyElement;
import com.leadhandoff.dynamodb.table.Table;
import com.leadhandoff.dynamodb.table.TableDef;
import java.util.Map;

/** Checks of keys and items against a table's schema, worded as DynamoDB words them. */
final class Keys {
  private Keys() {}

  /**
   * Checks a {@code Key} member (GetItem, UpdateItem, DeleteItem…): exactly the table's key
   * attributes with their declared types, else "The provided key element does not match the
   * schema".
   */
  static ItemKey key(Table table, Map<String, AttributeValue> key) {
    TableDef def = table.def();
    int expected = def.range == null ? 1 : 2;
    if (key.size() != expected
        || !matches(key.get(def.hash.name()), def.hash)
        || (def.range != null && !matches(key.get(def.range.name()), def.range))) {
      throw DynamoDbException.validation("The provided key element does not match the schema");
    }
    notEmpty(key.get(def.hash.name()), def.hash.name());
    if (def.range != null) {
      notEmpty(key.get(def.range.name()), def.range.name());
    }
    return table.keyOf(key);
  }

  /**
   * Checks an item to be written whole (PutItem): its key attributes present with the declared
   * types and not empty, its index keys of the declared types, its size within 400 KB.
   */
  static ItemKey item(Table table, Map<String, AttributeValue> item) {
    TableDef def = table.def();
    keyAttribute(item, def.hash);
    if (def.range != null) {
      keyAttribute(item, def.range);
    }
    return table.keyOf(item);
  }

  private static void keyAttribute(Map<String, AttributeValue> item, KeyElement key) {
    AttributeValue v = item.get(key.name());
    if (v == null) {
      throw DynamoDbException.invalidParameter("Missing the key " + key.name() + " in the item");
    }
    if (!v.type().equals(key.type())) {
      throw DynamoDbException.invalidParameter(
          "Type mismatch for key "
              + key.name()
              + " expected: "
              + key.type()
              + " actual: "
              + v.type());
    }
    notEmpty(v, key.name());
  }

  private static boolean matches(AttributeValue v, KeyElement key) {
    return v != null && v.type().equals(key.type());
  }

  /**
   * Key attributes may not be empty strings or empty binary (Developer Guide, "Supported data
   * types").
   */
  private static void notEmpty(AttributeValue v, String name) {
    if (isEmpty(v)) {
      throw DynamoDbException.validation(
          "One or more parameter values are not valid. The AttributeValue for a key attribute"
              + " cannot contain an empty string value. Key: "
              + name);
    }
  }

  private static boolean isEmpty(AttributeValue v) {
    return (v instanceof AttributeValue.S s && s.value().isEmpty())
        || (v instanceof AttributeValue.B b && b.value().length() == 0);
  }

  /**
   * Checks a new item's secondary index key attributes (the wrong type is refused, an absent one
   * leaves the item out of the index) and its size.
   */
  static Item stored(Table table, Map<String, AttributeValue> attributes) {
    TableDef def = table.def();
    for (IndexDef index : def.indexes()) {
      indexKey(attributes, index, index.hash());
      if (index.range() != null) {
        indexKey(attributes, index, index.range());
      }
    }
    Item item = Item.of(attributes);
    if (item.size() > ItemSize.MAX) {
      throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
    }
    return item;
  }

  private static void indexKey(Map<String, AttributeValue> item, IndexDef index, KeyElement key) {
    AttributeValue v = item.get(key.name());
    if (v == null) {
      return;
    }
    if (!v.type().equals(key.type())) {
      throw DynamoDbException.invalidParameter(
          "Type mismatch for Index Key "
              + key.name()
              + " Expected: "
              + key.type()
              + " Actual: "
              + v.type()
              + " IndexName: "
              + index.name());
    }
    if (isEmpty(v)) {
      throw DynamoDbException.validation(
          "One or more parameter values are not valid. A value specified for a secondary index key"
              + " is not supported. The AttributeValue for a key attribute cannot contain an empty"
              + " string value. IndexName: "
              + index.name()
              + ", IndexKey: "
              + key.name());
    }
  }
}
