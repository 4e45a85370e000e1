package com.leadhandoff.dynamodb.expr;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * A document path (Developer Guide, "Specifying item attributes when using expressions"): a
 * top-level attribute name followed by map keys ({@code .name}) and list indexes ({@code [3]}).
 */
public record Path(List<Element> elements) {
  public Path {
    elements = List.copyOf(elements);
  }

  /** One step of a path. */
  public sealed interface Element {}

  /** A map key (or the top-level attribute name), already resolved from any {@code #name}. */
  public record Key(String name) implements Element {}

  /** A list index. */
  public record Index(int index) implements Element {}

  /** The top-level attribute name. */
  public String attribute() {
    return ((Key) elements.get(0)).name();
  }

  /**
   * Returns {@code item} reduced to the given paths, as ProjectionExpression and UPDATED_OLD /
   * UPDATED_NEW return it: nested maps keep only the projected keys, lists only the projected
   * elements (in index order, compacted), absent paths are left out.
   */
  public static Map<String, AttributeValue> project(
      Map<String, AttributeValue> item, List<Path> paths) {
    throw new UnsupportedOperationException("not yet");
  }
}
