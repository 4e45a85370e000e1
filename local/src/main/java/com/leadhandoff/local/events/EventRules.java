package com.leadhandoff.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.lambda.Functions;
import com.leadhandoff.local.lambda.Invocation;
import com.leadhandoff.local.template.EventRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The default event bus with the template's rules: an event put on it is delivered to the function
 * of every rule whose pattern matches, as Lambda's asynchronous invoke does it (an error is retried
 * twice, then logged: EventBridge does not tell the sender).
 */
public final class EventRules {
  /** Lambda retries a failed asynchronous invocation twice. */
  static final int ATTEMPTS = 3;

  private record Rule(EventRule rule, EventPattern pattern) {}

  /** One delivery of an event to a rule's function, and how it ended. */
  public record Delivery(String functionName, String eventId, Invocation result) {}

  private final List<Rule> rules = new ArrayList<>();
  private final Functions functions;

  /**
   * @throws IllegalArgumentException naming the rule whose pattern the local runtime cannot match
   */
  public EventRules(List<EventRule> rules, Functions functions) {
    for (EventRule rule : rules) {
      try {
        this.rules.add(new Rule(rule, EventPattern.of(rule.pattern())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            rule.functionName() + ".Events." + rule.eventId() + ": " + e.getMessage(), e);
      }
    }
    this.functions = functions;
  }

  /** PutEvents of one event: delivers it to every matching rule, on this thread, in order. */
  public List<Delivery> put(JsonNode event) {
    List<Delivery> deliveries = new ArrayList<>();
    for (Rule rule : rules) {
      if (!rule.pattern().matches(event)) {
        continue;
      }
      byte[] payload =
          rule.rule()
              .input()
              .map(text -> text.getBytes(StandardCharsets.UTF_8))
              .orElseGet(() -> event.toString().getBytes(StandardCharsets.UTF_8));
      Invocation result = null;
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        result = functions.invoke(rule.rule().functionName(), payload);
        if (result instanceof Invocation.Success) {
          break;
        }
      }
      if (result instanceof Invocation.Failure failure) {
        System.err.println(
            "EventBridge rule "
                + rule.rule().functionName()
                + "."
                + rule.rule().eventId()
                + ": "
                + rule.rule().functionName()
                + " failed "
                + ATTEMPTS
                + " times: "
                + failure.errorType()
                + ": "
                + failure.errorMessage());
      }
      deliveries.add(new Delivery(rule.rule().functionName(), rule.rule().eventId(), result));
    }
    return deliveries;
  }
}
