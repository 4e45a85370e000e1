package com.leadhandoff.local.template;

import java.util.Optional;

/**
 * A function's {@code ScheduleV2} event: an EventBridge Scheduler schedule that invokes it.
 *
 * @param functionName the function it invokes
 * @param eventId the event's key under {@code Events}
 * @param expression the {@code ScheduleExpression}, e.g. {@code rate(5 minutes)}
 * @param input the {@code Input} JSON text; Scheduler sends {@code {}} without one
 * @param enabled false when {@code State} is {@code DISABLED}
 */
public record Schedule(
    String functionName,
    String eventId,
    String expression,
    Optional<String> input,
    boolean enabled) {}
