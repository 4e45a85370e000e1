package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.model.ResultHandling;
import com.leadhandoff.local.asl.model.Template;
import java.util.Optional;

/**
 * The spec's input and output processing, in its order: InputPath → Parameters → (state work) →
 * ResultSelector → ResultPath → OutputPath. A null path means {@code {}} for InputPath and
 * OutputPath and "keep the raw input" for ResultPath. InputPath and OutputPath may read the context
 * object ({@code $$…}), as Step Functions allows.
 */
public final class InputOutput {
  private InputOutput() {}

  /** InputPath applied to the raw state input; a missing path is States.Runtime. */
  public static JsonNode effectiveInput(
      JsonNode rawInput, Optional<String> inputPath, JsonNode context) {
    if (inputPath.isEmpty()) {
      return Json.object();
    }
    return JsonPaths.require(rawInput, context, inputPath.get(), ErrorNames.RUNTIME);
  }

  /** {@link #effectiveInput(JsonNode, Optional, JsonNode)} without a context object. */
  public static JsonNode effectiveInput(JsonNode rawInput, Optional<String> inputPath) {
    return effectiveInput(rawInput, inputPath, Json.object());
  }

  /**
   * Parameters (if any) applied to the effective input. A path that matches nothing is
   * States.Runtime, as Step Functions fails it ("The JSONPath '$.x' specified for the field 'x.$'
   * could not be found in the input '…'"), not States.ParameterPathFailure.
   */
  public static JsonNode parameters(Optional<Template> parameters, Scope scope) {
    if (parameters.isEmpty()) {
      return scope.input();
    }
    return Templates.evaluate(parameters.get(), scope.withMissingPathError(ErrorNames.RUNTIME));
  }

  /**
   * ResultSelector (on the raw result) then ResultPath (into the raw state input). ResultSelector
   * path failures are States.Runtime; ResultPath mismatches are States.ResultPathMatchFailure.
   */
  public static JsonNode placeResult(
      JsonNode rawInput, JsonNode result, ResultHandling handling, Scope scope) {
    JsonNode selected = result;
    if (handling.resultSelector().isPresent()) {
      selected =
          Templates.evaluate(
              handling.resultSelector().get(),
              scope.withInput(result).withMissingPathError(ErrorNames.RUNTIME));
    }
    return placeAt(rawInput, selected, handling.resultPath());
  }

  /** Places {@code value} into {@code rawInput} at a Reference Path (empty: keep the input). */
  public static JsonNode placeAt(JsonNode rawInput, JsonNode value, Optional<String> resultPath) {
    if (resultPath.isEmpty()) {
      return rawInput;
    }
    return ReferencePath.parse(resultPath.get()).set(rawInput, value);
  }

  /** OutputPath applied to the state's result; a missing path is States.Runtime. */
  public static JsonNode output(JsonNode value, Optional<String> outputPath, JsonNode context) {
    if (outputPath.isEmpty()) {
      return Json.object();
    }
    return JsonPaths.require(value, context, outputPath.get(), ErrorNames.RUNTIME);
  }

  /** {@link #output(JsonNode, Optional, JsonNode)} without a context object. */
  public static JsonNode output(JsonNode value, Optional<String> outputPath) {
    return output(value, outputPath, Json.object());
  }
}
