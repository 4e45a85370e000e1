package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Jsonata;
import com.leadhandoff.local.asl.eval.Timestamps;
import com.leadhandoff.local.asl.model.ChoiceRule;
import com.leadhandoff.local.asl.model.ChoiceState;
import com.leadhandoff.local.asl.model.DataFlow;
import com.leadhandoff.local.asl.model.Expression;
import com.leadhandoff.local.asl.model.FailState;
import com.leadhandoff.local.asl.model.Io;
import com.leadhandoff.local.asl.model.ParallelState;
import com.leadhandoff.local.asl.model.PassState;
import com.leadhandoff.local.asl.model.Program;
import com.leadhandoff.local.asl.model.QueryLanguage;
import com.leadhandoff.local.asl.model.ResultHandling;
import com.leadhandoff.local.asl.model.State;
import com.leadhandoff.local.asl.model.SucceedState;
import com.leadhandoff.local.asl.model.Transition;
import com.leadhandoff.local.asl.model.WaitState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/** Parses one state by its Type, refusing unsupported types and fields. */
final class StateParser {
  private static final Set<String> COMMON = Set.of("Type", "Comment");
  private static final Set<String> IO = Set.of("InputPath", "OutputPath");
  private static final Set<String> FLOW = Set.of("Next", "End");
  private static final Set<String> RESULTS = Set.of("ResultSelector", "ResultPath");

  /** The developer guide (Wait state): Seconds is "an integer value from 0 to 99999999". */
  private static final long MAX_WAIT_SECONDS = 99_999_999L;

  private final BiFunction<JsonNode, String, Optional<Program>> branchParser;
  private final QueryLanguage inherited;
  private final Map<String, DataFlow> flows = new LinkedHashMap<>();

  /**
   * @param inherited the QueryLanguage of states that do not declare one
   */
  StateParser(
      BiFunction<JsonNode, String, Optional<Program>> branchParser, QueryLanguage inherited) {
    this.branchParser = branchParser;
    this.inherited = inherited;
  }

  /** The data flow of every state parsed so far, by name. */
  Map<String, DataFlow> flows() {
    return flows;
  }

  Optional<State> parse(String name, JsonNode stateNode, Problems p) {
    String where = "State '" + name + "'";
    if (!stateNode.isObject()) {
      p.add(where, "must be a JSON object");
      return Optional.empty();
    }
    JsonataFields.Split split = JsonataFields.split(stateNode, inherited, where, p);
    flows.put(name, split.flow());
    JsonNode node = split.node();
    String type = node.path("Type").asText("");
    switch (type) {
      case "Pass":
        return Optional.of(pass(name, node, where, p));
      case "Task":
        return Optional.of(TaskStateParser.parse(name, node, where, p, split.flow().jsonata()));
      case "Choice":
        return Optional.of(choice(name, node, where, p));
      case "Wait":
        return wait(name, node, where, p);
      case "Succeed":
        allowed(node, where, p, COMMON, IO);
        return Optional.of(new SucceedState(name, io(node, where, p)));
      case "Fail":
        return Optional.of(fail(name, node, where, p));
      case "Parallel":
        return Optional.of(parallel(name, node, where, p));
      case "Map":
        return MapStateParser.parse(name, node, where, p, branchParser, split.flow().jsonata());
      case "":
        p.add(where, "Type is missing");
        return Optional.empty();
      default:
        p.add(where, "unknown state Type '" + type + "'");
        return Optional.empty();
    }
  }

  private PassState pass(String name, JsonNode node, String where, Problems p) {
    allowed(node, where, p, COMMON, IO, FLOW, Set.of("Parameters", "Result", "ResultPath"));
    return new PassState(
        name,
        io(node, where, p),
        TemplateParser.optional(node, "Parameters", where, p),
        Optional.ofNullable(node.get("Result")).map(JsonNode::deepCopy),
        new ResultHandling(
            Optional.empty(), Paths.nullableReferencePath(node, "ResultPath", where, p)),
        transition(node, where, p));
  }

  private ChoiceState choice(String name, JsonNode node, String where, Problems p) {
    allowed(node, where, p, COMMON, IO, Set.of("Choices", "Default"));
    if (node.has("Next") || node.has("End")) {
      p.add(where, "a Choice state must not have Next or End");
    }
    List<ChoiceState.Branch> branches = new ArrayList<>();
    JsonNode choices = node.get("Choices");
    if (choices == null || !choices.isArray() || choices.isEmpty()) {
      p.add(where, "Choices must be a non-empty array");
    } else {
      for (int i = 0; i < choices.size(); i++) {
        String at = where + " Choices[" + i + "]";
        JsonNode rule = choices.get(i);
        Optional<ChoiceRule> parsed =
            rule.has("Condition") && rule.isObject()
                ? Optional.of(condition(rule.get("Condition")))
                : ChoiceRuleParser.parse(rule, true, at, p);
        Optional<String> next = Fields.text(rule, "Next", at, p);
        if (next.isEmpty()) {
          p.add(at, "a top-level choice rule needs Next");
        }
        if (parsed.isPresent() && next.isPresent()) {
          branches.add(new ChoiceState.Branch(parsed.get(), next.get()));
        }
      }
    }
    return new ChoiceState(
        name, io(node, where, p), branches, Fields.text(node, "Default", where, p));
  }

  /** A JSONata Condition; JsonataFields checked its form. A literal Boolean is kept as text. */
  private static ChoiceRule condition(JsonNode value) {
    return new ChoiceRule.Condition(value.isTextual() ? value.asText() : value.toString());
  }

  private Optional<State> wait(String name, JsonNode node, String where, Problems p) {
    allowed(
        node,
        where,
        p,
        COMMON,
        IO,
        FLOW,
        Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath"));
    List<WaitState.Until> untils = new ArrayList<>();
    JsonNode seconds = node.get("Seconds");
    for (String field : List.of("Seconds", "Timestamp")) {
      if (Jsonata.isExpression(node.get(field))) {
        untils.add(new WaitState.Until.Evaluated(field, node.get(field).asText()));
      }
    }
    if (seconds != null && Jsonata.isExpression(seconds)) {
      seconds = null;
    }
    if (seconds != null) {
      if (!seconds.isIntegralNumber() || seconds.asLong() < 0) {
        p.add(where, "Seconds must be a non-negative integer, got " + seconds);
      } else if (!seconds.canConvertToLong() || seconds.asLong() > MAX_WAIT_SECONDS) {
        p.addAt(where, "Seconds", "Maximum value is " + MAX_WAIT_SECONDS);
      } else {
        untils.add(new WaitState.Until.ForSeconds(seconds.asLong()));
      }
    }
    Fields.text(node, "Timestamp", where, p)
        .filter(t -> !Jsonata.isExpression(t))
        .ifPresent(
            t -> {
              Optional<Instant> instant = Timestamps.parse(t);
              if (instant.isEmpty()) {
                p.add(where, "Timestamp '" + t + "' is not an RFC 3339 timestamp");
              }
              // Step Functions considers a timestamp up to seconds and truncates milliseconds.
              instant.ifPresent(
                  i ->
                      untils.add(
                          new WaitState.Until.AtTimestamp(i.truncatedTo(ChronoUnit.SECONDS))));
            });
    if (node.has("SecondsPath")) {
      untils.add(
          new WaitState.Until.SecondsAt(
              Paths.path(node.get("SecondsPath"), "SecondsPath", where, p)));
    }
    if (node.has("TimestampPath")) {
      untils.add(
          new WaitState.Until.TimestampAt(
              Paths.path(node.get("TimestampPath"), "TimestampPath", where, p)));
    }
    long given =
        Stream.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath").filter(node::has).count();
    if (given != 1) {
      p.add(where, "needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
    }
    if (given != 1 || untils.size() != 1) {
      return Optional.empty();
    }
    return Optional.of(
        new WaitState(name, io(node, where, p), untils.get(0), transition(node, where, p)));
  }

  private FailState fail(String name, JsonNode node, String where, Problems p) {
    allowed(node, where, p, COMMON, Set.of("Error", "Cause", "ErrorPath", "CausePath"));
    return new FailState(
        name, failField(node, "Error", where, p), failField(node, "Cause", where, p));
  }

  /** Error/Cause are literals; ErrorPath/CausePath are a path or an intrinsic function. */
  private Optional<Expression> failField(JsonNode node, String field, String where, Problems p) {
    String pathField = field + "Path";
    if (node.has(field) && node.has(pathField)) {
      p.add(where, field + " and " + pathField + " are mutually exclusive");
    }
    if (node.has(field)) {
      return Fields.text(node, field, where, p)
          .map(
              t -> new Expression.Literal(com.fasterxml.jackson.databind.node.TextNode.valueOf(t)));
    }
    return Fields.text(node, pathField, where, p)
        .flatMap(t -> ExpressionParser.parse(t, where + " " + pathField, p));
  }

  private ParallelState parallel(String name, JsonNode node, String where, Problems p) {
    allowed(
        node,
        where,
        p,
        COMMON,
        IO,
        FLOW,
        RESULTS,
        Set.of("Parameters", "Branches", "Retry", "Catch"));
    List<Program> branches = new ArrayList<>();
    JsonNode array = node.get("Branches");
    if (array == null || !array.isArray() || array.isEmpty()) {
      p.add(where, "Branches must be a non-empty array");
    } else {
      for (int i = 0; i < array.size(); i++) {
        branchParser.apply(array.get(i), where + " Branches[" + i + "]").ifPresent(branches::add);
      }
    }
    return new ParallelState(
        name,
        io(node, where, p),
        TemplateParser.optional(node, "Parameters", where, p),
        results(node, where, p),
        branches,
        ErrorHandlingParser.retriers(node, where, p),
        ErrorHandlingParser.catchers(node, where, p),
        transition(node, where, p));
  }

  static Io io(JsonNode node, String where, Problems p) {
    return new Io(
        Paths.nullablePath(node, "InputPath", where, p),
        Paths.nullablePath(node, "OutputPath", where, p));
  }

  static ResultHandling results(JsonNode node, String where, Problems p) {
    return new ResultHandling(
        TemplateParser.optional(node, "ResultSelector", where, p),
        Paths.nullableReferencePath(node, "ResultPath", where, p));
  }

  static Transition transition(JsonNode node, String where, Problems p) {
    boolean end = node.path("End").asBoolean(false);
    Optional<String> next = Fields.text(node, "Next", where, p);
    if (end && next.isPresent()) {
      p.add(where, "has both Next and End");
    }
    if (!end && next.isEmpty()) {
      p.add(where, "needs Next or End: true");
    }
    return end ? Transition.END : new Transition(next);
  }

  @SafeVarargs
  static void allowed(JsonNode node, String where, Problems p, Set<String>... groups) {
    Set<String> all = new HashSet<>();
    for (Set<String> group : groups) {
      all.addAll(group);
    }
    Fields.onlyAllowed(node, all, where, p);
  }
}
