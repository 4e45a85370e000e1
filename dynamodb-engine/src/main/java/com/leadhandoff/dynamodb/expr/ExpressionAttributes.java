package com.leadhandoff.dynamodb.expr;

import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.Map;

/**
 * A request's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}, recording
 * which placeholders the request's expressions used.
 */
public final class ExpressionAttributes {
  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;

  public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
    this.names = names;
    this.values = values;
  }

  /**
   * After every expression of a request is parsed: refuses placeholders no expression used ("Value
   * provided in ExpressionAttributeValues unused in expressions: keys: {:b}") and names or values
   * given to a request with no expression at all.
   */
  public void checkAllUsed() {
    throw new UnsupportedOperationException("not yet");
  }
}
