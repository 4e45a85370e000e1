package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Jsonata;
import com.leadhandoff.local.asl.eval.ReferencePath;
import com.leadhandoff.local.asl.eval.VariablePaths;
import com.leadhandoff.local.asl.model.Expression;
import com.leadhandoff.local.asl.model.MapLimit;
import java.util.Optional;

/**
 * The Map fields whose form depends on the query language: in JSONPath, ItemsPath and the {@code
 * …Path} limits (which may name a workflow variable); in JSONata, Items, ItemSelector and limits
 * written as {@code {% %}} expressions (developer guide, "Map workflow state" and "Transforming
 * data with JSONata"). JsonataFields has already refused the fields of the other language.
 */
final class MapFields {
  private MapFields() {}

  /** ItemsPath: a Reference Path into the effective input or a variable; {@code $} if absent. */
  static String itemsPath(JsonNode node, String where, Problems p) {
    if (!node.has("ItemsPath")) {
      return "$";
    }
    // "The value of ItemsPath must be a Reference Path" (developer guide, ItemsPath).
    String itemsPath = Paths.path(node.get("ItemsPath"), "ItemsPath", where, p);
    String reference =
        VariablePaths.parse(itemsPath).map(Expression.VariablePath::path).orElse(itemsPath);
    try {
      ReferencePath.parse(reference);
    } catch (IllegalArgumentException e) {
      p.add(where, "ItemsPath must be a Reference Path to one node (" + e.getMessage() + ")");
    }
    return itemsPath;
  }

  /** JSONata Items: a JSON array (whose strings may be expressions) or one expression. */
  static Optional<JsonNode> items(JsonNode node, boolean jsonata, String where, Problems p) {
    JsonNode value = node.get("Items");
    if (value == null) {
      return Optional.empty();
    }
    if (!jsonata) {
      p.add(where, "the field 'Items' is only supported in a JSONata state");
      return Optional.empty();
    }
    if (!value.isArray() && !Jsonata.isExpression(value)) {
      p.add(where, "Items must be a JSON array or a JSONata expression {% ... %}, got " + value);
      return Optional.empty();
    }
    // JsonataFields.split has checked the expressions in Items already.
    return Optional.of(value.deepCopy());
  }

  /** JSONata ItemSelector: any JSON value, its strings {@code {% %}} expressions or literals. */
  static Optional<JsonNode> jsonataSelector(JsonNode node, String where, Problems p) {
    JsonNode value = node.get("ItemSelector");
    if (value == null) {
      return Optional.empty();
    }
    JsonataFields.checkExpressions(value, "ItemSelector", where, p);
    return Optional.of(value.deepCopy());
  }

  /**
   * {@code field} as a non-negative number or, in JSONata, an expression; in JSONPath {@code
   * fieldPath} as a path into the effective input or a variable.
   */
  static MapLimit limit(JsonNode node, String field, boolean jsonata, String where, Problems p) {
    String pathField = field + "Path";
    if (node.has(field) && node.has(pathField)) {
      p.add(where, field + " and " + pathField + " are mutually exclusive");
    }
    if (node.has(pathField)) {
      String path = Paths.path(node.get(pathField), pathField, where, p);
      return new MapLimit(Optional.empty(), Optional.of(path));
    }
    JsonNode value = node.get(field);
    if (jsonata && value != null && Jsonata.isExpression(value)) {
      return new MapLimit(Optional.empty(), Optional.empty(), Optional.of(value.asText()));
    }
    return new MapLimit(Fields.nonNegativeNumber(node, field, where, p), Optional.empty());
  }
}
