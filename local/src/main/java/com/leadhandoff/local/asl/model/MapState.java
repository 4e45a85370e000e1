package com.leadhandoff.local.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * An inline Map state: runs {@code processor} once per item of the array at {@code itemsPath}; its
 * result is the array of iteration outputs in item order.
 *
 * @param itemsPath JSONPath: Reference Path to the items in the effective input ({@code $} by
 *     default) or in a variable ({@code $name.x})
 * @param itemSelector ItemSelector (or the legacy Parameters): each iteration's input
 * @param items JSONata {@code Items}: a JSON array or one expression (absent: the state input)
 * @param jsonataSelector JSONata {@code ItemSelector}: a JSON value whose strings may be
 *     expressions, or one expression
 * @param processor the ItemProcessor (or the legacy Iterator) program
 * @param maxConcurrency MaxConcurrency(Path); 0 or absent means no limit of the definition's own
 * @param toleratedFailureCount ToleratedFailureCount(Path)
 * @param toleratedFailurePercentage ToleratedFailurePercentage(Path)
 */
public record MapState(
    String name,
    Io io,
    String itemsPath,
    Optional<Template> itemSelector,
    Optional<JsonNode> items,
    Optional<JsonNode> jsonataSelector,
    Program processor,
    MapLimit maxConcurrency,
    MapLimit toleratedFailureCount,
    MapLimit toleratedFailurePercentage,
    ResultHandling results,
    List<Retrier> retriers,
    List<Catcher> catchers,
    Transition transition)
    implements State {
  public MapState {
    retriers = List.copyOf(retriers);
    catchers = List.copyOf(catchers);
  }

  /** Whether a failed iteration may be tolerated instead of failing the state at once. */
  public boolean toleratesFailures() {
    return toleratedFailureCount.isSet() || toleratedFailurePercentage.isSet();
  }
}
