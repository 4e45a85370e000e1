package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.model.MapLimit;
import com.leadhandoff.local.asl.model.MapState;
import com.leadhandoff.local.asl.model.Program;
import com.leadhandoff.local.asl.model.State;
import com.leadhandoff.local.asl.model.Template;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Parses an inline Map state, as the developer guide's "Using Map state in Inline mode" lists its
 * fields (with the deprecated Iterator and Parameters), in JSONPath or JSONata ({@link MapFields});
 * refuses Distributed Map, which reads and writes S3 and runs child executions.
 */
final class MapStateParser {
  private static final Set<String> FIELDS =
      Set.of(
          "Type",
          "Comment",
          "InputPath",
          "OutputPath",
          "Next",
          "End",
          "ResultSelector",
          "ResultPath",
          "Retry",
          "Catch",
          "ItemsPath",
          "Items",
          "ItemSelector",
          "Parameters",
          "ItemProcessor",
          "Iterator",
          "MaxConcurrency",
          "MaxConcurrencyPath",
          "ToleratedFailureCount",
          "ToleratedFailureCountPath",
          "ToleratedFailurePercentage",
          "ToleratedFailurePercentagePath",
          "Label");
  private static final List<String> DISTRIBUTED_ONLY =
      List.of("ItemReader", "ResultWriter", "ItemBatcher");
  private static final String NEEDS_S3 =
      " is not supported by the local runtime: Distributed Map needs S3";

  private MapStateParser() {}

  static Optional<State> parse(
      String name,
      JsonNode node,
      String where,
      Problems p,
      BiFunction<JsonNode, String, Optional<Program>> branchParser,
      boolean jsonata) {
    ObjectNode checked = node.deepCopy();
    for (String field : DISTRIBUTED_ONLY) {
      if (checked.remove(field) != null) {
        p.add(where, field + NEEDS_S3);
      }
    }
    StateParser.allowed(checked, where, p, FIELDS);
    Optional<Program> processor = processor(node, where, p, branchParser);
    Optional<Template> itemSelector = jsonata ? Optional.empty() : itemSelector(node, where, p);
    Optional<JsonNode> jsonataSelector =
        jsonata ? MapFields.jsonataSelector(node, where, p) : Optional.empty();
    Optional<JsonNode> items = MapFields.items(node, jsonata, where, p);
    MapLimit concurrency = MapFields.limit(node, "MaxConcurrency", jsonata, where, p);
    MapLimit count = MapFields.limit(node, "ToleratedFailureCount", jsonata, where, p);
    MapLimit percentage = MapFields.limit(node, "ToleratedFailurePercentage", jsonata, where, p);
    concurrency
        .value()
        .filter(v -> v % 1 != 0)
        .ifPresent(v -> notInteger(node, "MaxConcurrency", where, p));
    count
        .value()
        .filter(v -> v % 1 != 0)
        .ifPresent(v -> notInteger(node, "ToleratedFailureCount", where, p));
    percentage
        .value()
        .filter(v -> v > 100)
        .ifPresent(
            v ->
                p.add(
                    where,
                    "ToleratedFailurePercentage must be at most 100, got "
                        + node.get("ToleratedFailurePercentage")));
    if (node.has("Label") && !node.get("Label").isTextual()) {
      p.add(where, "Label must be a string");
    }
    String itemsPath = MapFields.itemsPath(node, where, p);
    if (processor.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MapState(
            name,
            StateParser.io(node, where, p),
            itemsPath,
            itemSelector,
            items,
            jsonataSelector,
            processor.get(),
            concurrency,
            count,
            percentage,
            StateParser.results(node, where, p),
            ErrorHandlingParser.retriers(node, where, p),
            ErrorHandlingParser.catchers(node, where, p),
            StateParser.transition(node, where, p)));
  }

  /** ItemProcessor, or the deprecated Iterator; exactly one of them. */
  private static Optional<Program> processor(
      JsonNode node,
      String where,
      Problems p,
      BiFunction<JsonNode, String, Optional<Program>> branchParser) {
    boolean current = node.has("ItemProcessor");
    if (current == node.has("Iterator")) {
      p.add(
          where,
          current
              ? "ItemProcessor and Iterator are mutually exclusive"
              : "ItemProcessor is missing");
      return Optional.empty();
    }
    String field = current ? "ItemProcessor" : "Iterator";
    JsonNode value = node.get(field);
    String at = where + " " + field;
    if (!value.isObject()) {
      p.add(at, "must be a JSON object");
      return Optional.empty();
    }
    ObjectNode program = value.deepCopy();
    JsonNode config = program.remove("ProcessorConfig");
    if (config != null && current) {
      processorConfig(config, at, p);
    }
    return branchParser.apply(program, at);
  }

  private static void processorConfig(JsonNode config, String where, Problems p) {
    if (!config.isObject()) {
      p.add(where, "ProcessorConfig must be a JSON object");
      return;
    }
    Fields.onlyAllowed(config, Set.of("Mode", "ExecutionType"), where + " ProcessorConfig", p);
    String mode = config.path("Mode").asText("INLINE");
    if (mode.equals("DISTRIBUTED")) {
      p.add(where, "ProcessorConfig Mode DISTRIBUTED" + NEEDS_S3 + "; use Mode INLINE");
    } else if (!mode.equals("INLINE")) {
      p.add(where, "ProcessorConfig Mode must be INLINE or DISTRIBUTED, got '" + mode + "'");
    } else if (config.has("ExecutionType")) {
      p.add(where, "ProcessorConfig ExecutionType is only allowed with Mode DISTRIBUTED");
    }
  }

  /** ItemSelector, or the deprecated Parameters; at most one of them. */
  private static Optional<Template> itemSelector(JsonNode node, String where, Problems p) {
    if (node.has("ItemSelector") && node.has("Parameters")) {
      p.add(where, "ItemSelector and Parameters are mutually exclusive");
    }
    String field = node.has("ItemSelector") ? "ItemSelector" : "Parameters";
    return TemplateParser.optional(node, field, where, p);
  }

  private static void notInteger(JsonNode node, String field, String where, Problems p) {
    p.add(where, field + " must be a non-negative integer, got " + node.get(field));
  }
}
