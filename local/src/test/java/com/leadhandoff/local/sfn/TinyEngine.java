package com.leadhandoff.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.asl.engine.ExecutionEngine;
import com.leadhandoff.local.clock.VirtualClock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real engine on a virtual clock, with one tiny state machine: offer the lead to a rep and wait
 * (up to 10 minutes) for the answer on a task token. The fake offer function keeps each lead's
 * token so a test can answer it.
 */
public final class TinyEngine implements AutoCloseable {
  public static final Instant T0 = Instant.parse("2025-03-04T09:00:00Z");
  static final String OFFER = "arn:aws:lambda:us-east-1:000000000000:function:Offer";
  static final String DEFINITION =
      """
      {"StartAt": "Offer To Rep", "States": {
        "Offer To Rep": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "%s",
                         "Payload": {"leadId.$": "$.leadId", "token.$": "$$.Task.Token"}},
          "TimeoutSeconds": 600, "ResultPath": "$.answer", "End": true}}}
      """
          .formatted(OFFER);

  public final VirtualClock clock = new VirtualClock(T0);
  public final ExecutionEngine engine;
  public final String machineArn;
  private final Map<String, String> tokensByLead = new ConcurrentHashMap<>();

  public TinyEngine() {
    engine =
        ExecutionEngine.builder(
                clock,
                (function, payload) -> {
                  tokensByLead.put(payload.get("leadId").asText(), payload.get("token").asText());
                  return Json.MAPPER.createObjectNode().put("emailed", true);
                })
            .build();
    machineArn = engine.createStateMachine("LeadHandoff", DEFINITION);
  }

  /** The backend the endpoint and UI use. */
  public StepFunctionsBackend backend() {
    return StepFunctionsBackend.of(engine);
  }

  /** The token the offer for {@code leadId} is waiting on, once the engine has settled. */
  public String tokenFor(String leadId) {
    engine.awaitIdle();
    return tokensByLead.get(leadId);
  }

  /** Reads a JSON text, for assertions. */
  public static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
