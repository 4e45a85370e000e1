package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates a JSONata-state field written as JSON (Arguments, Output, Assign, ItemSelector…): every
 * string {@code {% … %}}, at any depth, is replaced by its value; everything else is copied.
 */
public final class JsonataTemplates {
  private JsonataTemplates() {}

  /**
   * The value of {@code template}; {@code field} names it in error causes, extended with the path
   * to a nested expression ({@code Arguments/Payload/id}).
   */
  public static JsonNode evaluate(JsonNode template, String field, JsonataScope scope) {
    if (Jsonata.isExpression(template)) {
      return Jsonata.evaluate(template.asText(), field, scope);
    }
    if (template.isObject()) {
      ObjectNode out = Json.object();
      template
          .fields()
          .forEachRemaining(
              e -> out.set(e.getKey(), evaluate(e.getValue(), field + "/" + e.getKey(), scope)));
      return out;
    }
    if (template.isArray()) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      for (int i = 0; i < template.size(); i++) {
        out.add(evaluate(template.get(i), field + "/" + i, scope));
      }
      return out;
    }
    return template.deepCopy();
  }

  /**
   * The values of a JSONata Assign, every one against the variables from before it (they take
   * effect together).
   */
  public static Map<String, JsonNode> assignments(JsonNode assign, JsonataScope scope) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    assign
        .fields()
        .forEachRemaining(
            e -> values.put(e.getKey(), evaluate(e.getValue(), "Assign/" + e.getKey(), scope)));
    return values;
  }
}
