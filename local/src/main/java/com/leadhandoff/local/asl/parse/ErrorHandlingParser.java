package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.model.Catcher;
import com.leadhandoff.local.asl.model.Retrier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Parses Retry and Catch arrays, applying the spec's defaults and its States.ALL rule. */
final class ErrorHandlingParser {
  private static final Set<String> RETRIER_FIELDS =
      Set.of(
          "ErrorEquals",
          "IntervalSeconds",
          "MaxAttempts",
          "BackoffRate",
          "MaxDelaySeconds",
          "JitterStrategy",
          "Comment");
  private static final Set<String> CATCHER_FIELDS =
      Set.of("ErrorEquals", "ResultPath", "Next", "Comment");

  private ErrorHandlingParser() {}

  static List<Retrier> retriers(JsonNode state, String where, Problems p) {
    List<Retrier> retriers = new ArrayList<>();
    JsonNode retry = state.get("Retry");
    if (retry == null) {
      return retriers;
    }
    if (!retry.isArray()) {
      p.add(where, "Retry must be an array");
      return retriers;
    }
    for (int i = 0; i < retry.size(); i++) {
      JsonNode node = retry.get(i);
      String at = where + " Retry[" + i + "]";
      Fields.onlyAllowed(node, RETRIER_FIELDS, at, p);
      List<String> errors = errorEquals(node, at, p, i == retry.size() - 1);
      double interval =
          Fields.positiveInteger(node, "IntervalSeconds", at, p).map(Long::doubleValue).orElse(1.0);
      int maxAttempts = 3;
      JsonNode attempts = node.get("MaxAttempts");
      if (attempts != null) {
        if (!attempts.isIntegralNumber() || attempts.asInt() < 0) {
          p.add(at, "MaxAttempts must be a non-negative integer");
        } else {
          maxAttempts = attempts.asInt();
        }
      }
      double backoff = Fields.nonNegativeNumber(node, "BackoffRate", at, p).orElse(2.0);
      if (backoff < 1.0) {
        p.add(at, "BackoffRate must be at least 1.0");
      }
      Optional<Double> maxDelay =
          Fields.positiveInteger(node, "MaxDelaySeconds", at, p).map(Long::doubleValue);
      Retrier.Jitter jitter = Retrier.Jitter.NONE;
      Optional<String> strategy = Fields.text(node, "JitterStrategy", at, p);
      if (strategy.isPresent()) {
        try {
          jitter = Retrier.Jitter.valueOf(strategy.get());
        } catch (IllegalArgumentException e) {
          p.add(at, "JitterStrategy must be FULL or NONE, got " + strategy.get());
        }
      }
      retriers.add(new Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter));
    }
    return retriers;
  }

  static List<Catcher> catchers(JsonNode state, String where, Problems p) {
    List<Catcher> catchers = new ArrayList<>();
    JsonNode catchNode = state.get("Catch");
    if (catchNode == null) {
      return catchers;
    }
    if (!catchNode.isArray()) {
      p.add(where, "Catch must be an array");
      return catchers;
    }
    for (int i = 0; i < catchNode.size(); i++) {
      JsonNode node = catchNode.get(i);
      String at = where + " Catch[" + i + "]";
      Fields.onlyAllowed(node, CATCHER_FIELDS, at, p);
      List<String> errors = errorEquals(node, at, p, i == catchNode.size() - 1);
      Optional<String> resultPath = Paths.nullableReferencePath(node, "ResultPath", at, p);
      Optional<String> next = Fields.text(node, "Next", at, p);
      if (next.isEmpty()) {
        p.add(at, "a catcher needs Next");
      }
      catchers.add(new Catcher(errors, resultPath, next.orElse("")));
    }
    return catchers;
  }

  /**
   * ErrorEquals: a non-empty array of names; States.ALL only alone and only in the last retrier or
   * catcher.
   */
  private static List<String> errorEquals(JsonNode node, String at, Problems p, boolean last) {
    List<String> errors = new ArrayList<>();
    JsonNode array = node.get("ErrorEquals");
    if (array == null || !array.isArray() || array.isEmpty()) {
      p.add(at, "ErrorEquals must be a non-empty array of error names");
      return errors;
    }
    for (JsonNode name : array) {
      if (!name.isTextual() || name.asText().isEmpty()) {
        p.add(at, "ErrorEquals must hold non-empty error names (strings), got " + name);
      } else {
        errors.add(name.asText());
      }
    }
    if (errors.contains(ErrorNames.ALL)) {
      if (errors.size() > 1) {
        p.add(at, "States.ALL must appear alone in ErrorEquals");
      }
      if (!last) {
        p.add(at, "States.ALL must be in the last element of its array");
      }
    }
    // Any other name is accepted, "States."-prefixed ones too: Step Functions accepts custom names
    // such as "States.Custom" in ErrorEquals, and they match errors raised under that name.
    return errors;
  }
}
