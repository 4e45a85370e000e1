package com.leadhandoff.local.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A payload template (Parameters, ResultSelector, a Payload): JSON whose {@code key.$} fields are
 * evaluated, and whose other fields are copied as they are.
 */
public sealed interface Template {
  /** A JSON object; keys are the output names (the {@code .$} suffix already removed). */
  record ObjectTemplate(Map<String, Template> fields) implements Template {
    public ObjectTemplate {
      fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
  }

  /** A JSON array whose elements are templates. */
  record ArrayTemplate(List<Template> elements) implements Template {
    public ArrayTemplate {
      elements = List.copyOf(elements);
    }
  }

  /** A value copied as written. */
  record Constant(JsonNode value) implements Template {}

  /** The value of a {@code .$} field. */
  record Dynamic(Expression expression) implements Template {}
}
