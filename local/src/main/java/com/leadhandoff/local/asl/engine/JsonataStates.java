package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.Jsonata;
import com.leadhandoff.local.asl.eval.JsonataScope;
import com.leadhandoff.local.asl.eval.Timestamps;
import com.leadhandoff.local.asl.model.ChoiceRule;
import com.leadhandoff.local.asl.model.ChoiceState;
import com.leadhandoff.local.asl.model.DataFlow;
import com.leadhandoff.local.asl.model.Expression;
import com.leadhandoff.local.asl.model.FailState;
import com.leadhandoff.local.asl.model.PassState;
import com.leadhandoff.local.asl.model.Transition;
import com.leadhandoff.local.asl.model.WaitState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The states without a task in JSONata: their input is the raw state input ({@code $states.input}),
 * their output is Output or, without one, that input (developer guide, "Transforming data with
 * JSONata in Step Functions").
 */
final class JsonataStates {
  private JsonataStates() {}

  /** Pass: Assign, then Output. */
  static Step pass(PassState state, StateCall call) {
    return leave(call, state.transition());
  }

  /** Succeed: Output ends the program. */
  static Step succeed(StateCall call) {
    JsonataScope scope = call.jsonata(Optional.empty());
    return new Step.End(StateData.output(call.flow().output(), scope, call.rawInput()));
  }

  /** Fail: Error and Cause, each a literal or an expression that must give a string. */
  static Step fail(FailState state, StateCall call) {
    JsonataScope scope = call.jsonata(Optional.empty());
    return new Step.Failed(
        text(state.error(), "Error", scope).orElse(null),
        text(state.cause(), "Cause", scope).orElse(null));
  }

  /**
   * Choice: the first rule whose Condition is true wins. The state's Assign applies whichever way
   * it goes, with the matching rule's Assign ("Choice workflow state", Choice Rules (JSONata)).
   */
  static Step choice(ChoiceState state, StateCall call) {
    DataFlow flow = call.flow();
    JsonataScope scope = call.jsonata(Optional.empty());
    List<ChoiceState.Branch> choices = state.choices();
    for (int i = 0; i < choices.size(); i++) {
      String condition = ((ChoiceRule.Condition) choices.get(i).rule()).expression();
      if (condition(condition, i, scope)) {
        DataFlow.Outcome rule = flow.rule(i);
        StateData.assignJsonata(call, List.of(flow.assign(), rule.assign()), scope);
        JsonNode output = StateData.output(rule.output().or(flow::output), scope, call.rawInput());
        return new Step.Next(choices.get(i).next(), output);
      }
    }
    if (state.defaultNext().isEmpty()) {
      return new Step.Failed(
          ErrorNames.NO_CHOICE_MATCHED,
          "No Matches! (state '" + state.name() + "' has no Default)");
    }
    StateData.assignJsonata(call, List.of(flow.assign()), scope);
    JsonNode output = StateData.output(flow.output(), scope, call.rawInput());
    return new Step.Next(state.defaultNext().get(), output);
  }

  /** When a Wait whose Seconds or Timestamp is an expression ends. */
  static Instant until(WaitState.Until.Evaluated until, StateCall call, Instant now) {
    JsonataScope scope = call.jsonata(Optional.empty());
    String text = until.expression();
    if (until.field().equals("Seconds")) {
      JsonNode value = Jsonata.evaluate(text, "Seconds", scope, "number");
      if (!value.isIntegralNumber() || value.asLong() < 0) {
        throw Jsonata.unexpectedType(text, "Seconds", scope, "non-negative integer", value);
      }
      return now.plusSeconds(value.asLong());
    }
    JsonNode value = Jsonata.evaluate(text, "Timestamp", scope, "string");
    return Timestamps.parse(value.asText())
        .orElseThrow(
            () -> Jsonata.unexpectedType(text, "Timestamp", scope, "RFC 3339 timestamp", value));
  }

  /** A JSONata TimeoutSeconds or HeartbeatSeconds: a positive integer. */
  static long seconds(String text, String field, StateCall call) {
    JsonataScope scope = call.jsonata(Optional.empty());
    JsonNode value = Jsonata.evaluate(text, field, scope, "number");
    if (!value.isIntegralNumber() || value.asLong() <= 0) {
      throw Jsonata.unexpectedType(text, field, scope, "positive integer", value);
    }
    return value.asLong();
  }

  /** The state's Assign and Output, then its transition (Pass, and Wait when its timer fires). */
  static Step leave(StateCall call, Transition transition) {
    DataFlow flow = call.flow();
    JsonataScope scope = call.jsonata(Optional.empty());
    StateData.assignJsonata(call, List.of(flow.assign()), scope);
    return Step.transition(transition, StateData.output(flow.output(), scope, call.rawInput()));
  }

  private static boolean condition(String condition, int index, JsonataScope scope) {
    if (condition.equals("true") || condition.equals("false")) {
      return Boolean.parseBoolean(condition);
    }
    return Jsonata.evaluate(condition, "Choices/" + index + "/Condition", scope, "boolean")
        .asBoolean();
  }

  private static Optional<String> text(
      Optional<Expression> literal, String field, JsonataScope scope) {
    return literal.map(
        e -> {
          String text = ((Expression.Literal) e).value().asText();
          return Jsonata.isExpression(text)
              ? Jsonata.evaluate(text, field, scope, "string").asText()
              : text;
        });
  }
}
