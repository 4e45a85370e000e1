package com.leadhandoff.dynamodb.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One operation of the DynamoDB API Reference. */
public interface Operation {
  /**
   * Answers {@code request} or throws a {@link com.leadhandoff.dynamodb.error.DynamoDbException}.
   */
  ObjectNode apply(Request request);
}
