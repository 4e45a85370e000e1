package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.eval.JsonPaths;
import com.leadhandoff.local.asl.eval.Jsonata;
import com.leadhandoff.local.asl.eval.JsonataScope;
import com.leadhandoff.local.asl.eval.JsonataTemplates;
import com.leadhandoff.local.asl.eval.Scope;
import com.leadhandoff.local.asl.eval.StatesError;
import com.leadhandoff.local.asl.eval.VariablePaths;
import com.leadhandoff.local.asl.model.MapLimit;
import com.leadhandoff.local.asl.model.MapState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Map state reads before its iterations start, in either query language: the items, each
 * iteration's input and the numbers of its limits. JSONPath: ItemsPath over the effective input or
 * a variable, ItemSelector with {@code $$.Map.Item} and the variables. JSONata: Items (default
 * {@code $states.input}), ItemSelector with {@code $states.context.Map.Item}, and limits written as
 * expressions (developer guide, "Map workflow state", "ItemSelector (Map)", "Context object").
 */
final class MapInputs {
  private final MapState state;
  private final StateCall call;
  private final JsonNode effective;
  private final boolean jsonata;

  MapInputs(MapState state, StateCall call) {
    this.state = state;
    this.call = call;
    this.effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    this.jsonata = call.flow().jsonata();
  }

  /** Each iteration's input, in item order; a missing or non-array item source fails the state. */
  List<JsonNode> inputs() {
    JsonNode items = jsonata ? jsonataItems() : pathItems();
    List<JsonNode> inputs = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      inputs.add(jsonata ? jsonataInput(i, items.get(i)) : pathInput(i, items.get(i)));
    }
    return inputs;
  }

  /** The limit's number: its literal, the value at its path, or its expression's value. */
  Optional<Double> number(MapLimit limit, String field) {
    if (limit.expression().isPresent()) {
      String text = limit.expression().get();
      JsonataScope scope = call.jsonata(Optional.empty());
      JsonNode value = Jsonata.evaluate(text, field, scope, "number");
      if (value.asDouble() < 0) {
        throw Jsonata.unexpectedType(text, field, scope, "non-negative number", value);
      }
      return Optional.of(value.asDouble());
    }
    if (limit.path().isEmpty()) {
      return limit.value();
    }
    String path = limit.path().get();
    JsonNode value = read(path, field + "Path");
    if (!value.isNumber() || value.asDouble() < 0) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "Invalid path '"
              + path
              + "' : The "
              + field
              + "Path must point to a non-negative number, but it points to '"
              + Json.write(value)
              + "'");
    }
    return Optional.of(value.asDouble());
  }

  private JsonNode pathItems() {
    JsonNode items = read(state.itemsPath(), "ItemsPath");
    if (!items.isArray()) {
      throw new StatesError(
          ErrorNames.RUNTIME,
          "Invalid path '"
              + state.itemsPath()
              + "' : The ItemsPath must point to a JSON array, but it points to '"
              + Json.write(items)
              + "'");
    }
    return items;
  }

  /**
   * A path into the effective input or the context object, or into a variable when it names one.
   */
  private JsonNode read(String path, String field) {
    if (VariablePaths.parse(path).isEmpty()) {
      return JsonPaths.require(effective, call.context(), path, ErrorNames.RUNTIME);
    }
    return VariablePaths.readEither(effective, path, call.run.variables)
        .orElseThrow(
            () ->
                new StatesError(
                    ErrorNames.RUNTIME,
                    "Invalid path '" + path + "' : The " + field + " could not be found"));
  }

  private JsonNode pathInput(int index, JsonNode item) {
    if (state.itemSelector().isEmpty()) {
      return item.deepCopy();
    }
    Scope scope = call.scope(effective);
    Scope itemScope =
        new Scope(
            effective,
            withItem(scope.context(), index, item),
            scope.random(),
            scope.missingPathError(),
            scope.variables());
    return InputOutput.parameters(state.itemSelector(), itemScope);
  }

  private JsonNode jsonataItems() {
    JsonataScope scope = call.jsonata(Optional.empty());
    if (state.items().isEmpty()) {
      JsonNode input = call.rawInput();
      if (!input.isArray()) {
        throw new StatesError(
            ErrorNames.RUNTIME,
            "The Map state '"
                + state.name()
                + "' has no Items, and its input is not a JSON array: '"
                + Json.write(input)
                + "'");
      }
      return input;
    }
    JsonNode template = state.items().get();
    JsonNode items = JsonataTemplates.evaluate(template, "Items", scope);
    if (!items.isArray()) {
      throw Jsonata.unexpectedType(template.asText(), "Items", scope, "array", items);
    }
    return items;
  }

  private JsonNode jsonataInput(int index, JsonNode item) {
    if (state.jsonataSelector().isEmpty()) {
      return item.deepCopy();
    }
    JsonataScope scope = call.jsonata(Optional.empty());
    JsonataScope itemScope = scope.withContext(withItem(scope.context(), index, item));
    return JsonataTemplates.evaluate(state.jsonataSelector().get(), "ItemSelector", itemScope);
  }

  /** The context object with {@code Map.Item.Index} and {@code Map.Item.Value}. */
  private static JsonNode withItem(JsonNode context, int index, JsonNode value) {
    ObjectNode copy = context.deepCopy();
    ObjectNode item = copy.putObject("Map").putObject("Item");
    item.put("Index", index);
    item.set("Value", value.deepCopy());
    return copy;
  }
}
