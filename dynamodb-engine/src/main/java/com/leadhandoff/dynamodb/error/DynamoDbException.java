package com.leadhandoff.dynamodb.error;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error as DynamoDB returns it: an exception type (the part after {@code #} in the wire's {@code
 * __type}), a message in AWS's wording, an HTTP status, and for some types extra fields (the old
 * item of a failed condition, a transaction's cancellation reasons).
 */
public final class DynamoDbException extends RuntimeException {
  /** The namespace DynamoDB puts before every error type on the wire. */
  public static final String NAMESPACE = "com.amazonaws.dynamodb.v20120810#";

  private final String type;
  private final int status;
  private final ObjectNode extra;

  public DynamoDbException(String type, String message, int status, ObjectNode extra) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
    this.extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra;
  }

  /** The error type, e.g. {@code ValidationException}. */
  public String type() {
    return type;
  }

  /** The HTTP status the wire answers with. */
  public int status() {
    return status;
  }

  /** Fields sent beside {@code __type} and {@code message} (e.g. {@code Item}). */
  public ObjectNode extra() {
    return extra;
  }

  /** The error body as DynamoDB sends it. */
  public ObjectNode body() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("__type", NAMESPACE + type);
    body.put("message", getMessage());
    body.setAll(extra);
    return body;
  }

  /** A 400 ValidationException with {@code message} as it stands. */
  public static DynamoDbException validation(String message) {
    return new DynamoDbException("ValidationException", message, 400, null);
  }

  /**
   * A 400 ValidationException about a parameter value, worded "One or more parameter values were
   * invalid: ..." as DynamoDB words them.
   */
  public static DynamoDbException invalidParameter(String detail) {
    return validation("One or more parameter values were invalid: " + detail);
  }

  /** A table or index that does not exist (or is not ACTIVE yet). */
  public static DynamoDbException resourceNotFound() {
    return new DynamoDbException(
        "ResourceNotFoundException", "Requested resource not found", 400, null);
  }

  /** A table named that does not exist, worded as DescribeTable words it. */
  public static DynamoDbException tableNotFound(String table) {
    return new DynamoDbException(
        "ResourceNotFoundException",
        "Requested resource not found: Table: " + table + " not found",
        400,
        null);
  }

  /** A resource that exists already or is busy (CreateTable of an existing table…). */
  public static DynamoDbException resourceInUse(String message) {
    return new DynamoDbException("ResourceInUseException", message, 400, null);
  }

  /** A failed ConditionExpression; {@code item} (may be null) is the old item when asked for. */
  public static DynamoDbException conditionalCheckFailed(ObjectNode item) {
    ObjectNode extra = JsonNodeFactory.instance.objectNode();
    if (item != null) {
      extra.set("Item", item);
    }
    return new DynamoDbException(
        "ConditionalCheckFailedException", "The conditional request failed", 400, extra);
  }

  /** An operation this engine does not serve. */
  public static DynamoDbException unknownOperation(String target) {
    return new DynamoDbException(
        "UnknownOperationException", "An unknown operation was requested: " + target, 400, null);
  }

  /** A malformed request body. */
  public static DynamoDbException serialization(String message) {
    return new DynamoDbException("SerializationException", message, 400, null);
  }

  /** A failure of the engine itself. */
  public static DynamoDbException internal(String message) {
    return new DynamoDbException("InternalServerError", message, 500, null);
  }
}
