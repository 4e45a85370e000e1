package com.leadhandoff.local.template;

import java.util.Map;
import java.util.Optional;

/**
 * A function's {@code EventBridgeRule} event: the rule on the default bus that invokes it.
 *
 * @param functionName the function it invokes
 * @param eventId the event's key under {@code Events}
 * @param pattern the event pattern, every intrinsic resolved (lists, maps and scalars as in YAML)
 * @param input the fixed {@code Input} sent instead of the event, if the rule has one
 */
public record EventRule(
    String functionName, String eventId, Map<String, Object> pattern, Optional<String> input) {}
