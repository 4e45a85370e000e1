package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.model.Template;

/** Evaluates Parameters / ResultSelector / Payload templates. */
public final class Templates {
  private Templates() {}

  /** The template's JSON with every {@code key.$} field replaced by its value in {@code scope}. */
  public static JsonNode evaluate(Template template, Scope scope) {
    return evaluate(template, scope, "");
  }

  private static JsonNode evaluate(Template template, Scope scope, String field) {
    if (template instanceof Template.ObjectTemplate object) {
      ObjectNode out = Json.object();
      object.fields().forEach((name, value) -> out.set(name, evaluate(value, scope, name)));
      return out;
    }
    if (template instanceof Template.ArrayTemplate array) {
      ArrayNode out = Json.MAPPER.createArrayNode();
      array.elements().forEach(element -> out.add(evaluate(element, scope, field)));
      return out;
    }
    if (template instanceof Template.Constant constant) {
      return constant.value().deepCopy();
    }
    // Causes name the field as written, with its ".$" suffix.
    return Expressions.evaluate(((Template.Dynamic) template).expression(), scope, field + ".$")
        .deepCopy();
  }
}
