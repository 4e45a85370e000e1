package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.model.ResultHandling;
import com.leadhandoff.local.asl.model.Template;
import java.util.Optional;

/**
 * The spec's input and output processing, in its order: InputPath → Parameters → (state work) →
 * ResultSelector → ResultPath → OutputPath. A null path means {@code {}} for InputPath and
 * OutputPath and "keep the raw input" for ResultPath.
 */
public final class InputOutput {
  private InputOutput() {}

  /** InputPath applied to the raw state input; a missing path is States.Runtime. */
  public static JsonNode effectiveInput(JsonNode rawInput, Optional<String> inputPath) {
    if (inputPath.isEmpty()) {
      return Json.object();
    }
    return JsonPaths.require(rawInput, inputPath.get(), ErrorNames.RUNTIME, "The InputPath");
  }

  /** Parameters (if any) applied to the effective input; a missing path is ParameterPathFailure. */
  public static JsonNode parameters(Optional<Template> parameters, Scope scope) {
    if (parameters.isEmpty()) {
      return scope.input();
    }
    return Templates.evaluate(
        parameters.get(), scope.withMissingPathError(ErrorNames.PARAMETER_PATH_FAILURE));
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
  public static JsonNode output(JsonNode value, Optional<String> outputPath) {
    if (outputPath.isEmpty()) {
      return Json.object();
    }
    return JsonPaths.require(value, outputPath.get(), ErrorNames.RUNTIME, "The OutputPath");
  }
}
