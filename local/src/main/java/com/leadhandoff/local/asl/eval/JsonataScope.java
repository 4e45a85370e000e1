package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * What a JSONata expression of a state sees: the reserved {@code $states} variable (input, result,
 * errorOutput, context) and the workflow variables, plus what an error cause names (developer
 * guide, "Transforming data with JSONata", "Reserved variable: $states").
 *
 * @param input the state's input, {@code $states.input}
 * @param result the task, Parallel or Map result once there is one, {@code $states.result}
 * @param errorOutput the error output inside a Catch, {@code $states.errorOutput}
 * @param context the context object, {@code $states.context}
 * @param stateName the state, for error causes
 * @param enteredEventId the id of the state's StateEntered event, for error causes
 * @param random the source of {@code $random()} and {@code $uuid()}
 * @param now the runtime clock's time, which {@code $now()} and {@code $millis()} give
 */
public record JsonataScope(
    JsonNode input,
    Optional<JsonNode> result,
    Optional<JsonNode> errorOutput,
    JsonNode context,
    Variables variables,
    String stateName,
    long enteredEventId,
    Random random,
    Instant now) {

  /** The same scope once the state has a result. */
  public JsonataScope withResult(JsonNode value) {
    return new JsonataScope(
        input,
        Optional.of(value),
        errorOutput,
        context,
        variables,
        stateName,
        enteredEventId,
        random,
        now);
  }

  /** The same scope inside a Catch, with the error output. */
  public JsonataScope withErrorOutput(JsonNode value) {
    return new JsonataScope(
        input,
        result,
        Optional.of(value),
        context,
        variables,
        stateName,
        enteredEventId,
        random,
        now);
  }

  /** The same scope with another context object (a Map iteration's, with {@code Map.Item}). */
  public JsonataScope withContext(JsonNode value) {
    return new JsonataScope(
        input, result, errorOutput, value, variables, stateName, enteredEventId, random, now);
  }

  /** The reserved {@code $states} variable. */
  JsonNode states() {
    var states = Json.object();
    states.set("input", input);
    result.ifPresent(r -> states.set("result", r));
    errorOutput.ifPresent(e -> states.set("errorOutput", e));
    states.set("context", context);
    return states;
  }
}
