package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.model.Expression;
import com.leadhandoff.local.asl.model.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses Parameters, ResultSelector and Payload templates, resolving every {@code .$} field. */
final class TemplateParser {
  private TemplateParser() {}

  static Optional<Template> optional(JsonNode state, String field, String where, Problems p) {
    JsonNode value = state.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      p.add(where, field + " must be a JSON object");
      return Optional.empty();
    }
    return Optional.of(parse(value, where + " " + field, p));
  }

  static Template parse(JsonNode node, String where, Problems p) {
    if (node.isObject()) {
      Map<String, Template> fields = new LinkedHashMap<>();
      node.fields()
          .forEachRemaining(
              field -> {
                String key = field.getKey();
                if (key.endsWith(".$")) {
                  String name = key.substring(0, key.length() - 2);
                  if (!field.getValue().isTextual()) {
                    p.add(where, "field '" + key + "' must be a string path or intrinsic function");
                    return;
                  }
                  Optional<Expression> expression =
                      ExpressionParser.parse(
                          field.getValue().asText(), where + " field '" + key + "'", p);
                  expression.ifPresent(e -> fields.put(name, new Template.Dynamic(e)));
                } else {
                  fields.put(key, parse(field.getValue(), where, p));
                }
              });
      return new Template.ObjectTemplate(fields);
    }
    if (node.isArray()) {
      List<Template> elements = new ArrayList<>();
      node.forEach(element -> elements.add(parse(element, where, p)));
      return new Template.ArrayTemplate(elements);
    }
    return new Template.Constant(node.deepCopy());
  }
}
