package com.leadhandoff.dynamodb.expr;

import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the five expression languages of the Developer Guide ("Using expressions in DynamoDB"):
 * condition and filter expressions, key condition expressions, projection expressions and update
 * expressions. Every parse resolves {@code #name} and {@code :value} placeholders through the
 * request's {@link ExpressionAttributes}, which records which ones were used so the operation can
 * refuse unused ones afterwards. Syntax and semantic errors are ValidationExceptions worded as
 * DynamoDB words them, e.g. {@code Invalid ConditionExpression: Syntax error; token: "=", near: "=
 * = b"} (the window is the offending token with its neighbours on either side, as the service
 * prints it). Parsed conditions and updates are immutable and may be shared between threads; an
 * {@link ExpressionAttributes} is per request.
 *
 * <p>Left to the caller (it knows the table): refusing updates and key conditions on key
 * attributes' types or names ("Cannot update attribute pk. This attribute is part of the key", key
 * condition value types against the attribute definitions), item size limits, and calling {@link
 * ExpressionAttributes#checkKeys()} before and {@link ExpressionAttributes#checkAllUsed(boolean)}
 * after parsing a request's expressions.
 */
public final class Expressions {
  private Expressions() {}

  /**
   * A condition (for {@code ConditionExpression}) or filter ({@code FilterExpression}).
   *
   * @param kind the request parameter, {@code "ConditionExpression"} or {@code "FilterExpression"},
   *     named in error messages
   */
  public static Condition condition(String text, String kind, ExpressionAttributes attributes) {
    return guarded(kind, () -> new Parser(text, kind, attributes).condition());
  }

  /**
   * An update expression (SET, REMOVE, ADD, DELETE clauses). Key attributes are not refused here:
   * the caller checks the top-level names of {@link Update#paths()} against the key schema.
   */
  public static Update update(String text, ExpressionAttributes attributes) {
    return guarded(
        "UpdateExpression", () -> new Parser(text, "UpdateExpression", attributes).update());
  }

  /** A projection expression: the document paths to return. */
  public static List<Path> projection(String text, ExpressionAttributes attributes) {
    return guarded(
        "ProjectionExpression",
        () -> List.copyOf(new Parser(text, "ProjectionExpression", attributes).projection()));
  }

  /**
   * A key condition for Query against a table or index whose key is {@code partitionKey} and, if
   * present, {@code sortKey}; refuses conditions DynamoDB refuses ("Query key condition not
   * supported", "Query condition missed key schema element: x", …). The caller checks that the
   * values' types match the key attributes' declared types.
   */
  public static KeyCondition keyCondition(
      String text, ExpressionAttributes attributes, String partitionKey, Optional<String> sortKey) {
    return guarded(
        "KeyConditionExpression",
        () -> KeyConditions.parse(text, attributes, partitionKey, sortKey));
  }

  /**
   * Runs a parse whose recursion depth the input decides. Within the 4 KB expression limit,
   * thousands of nested parentheses fit, which would exhaust the thread's stack: such input gets a
   * ValidationException instead of a dropped connection.
   */
  private static <T> T guarded(String kind, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (StackOverflowError e) {
      throw DynamoDbException.validation(
          "Invalid " + kind + ": The expression is nested too deeply;");
    }
  }

  /** A condition that holds for an item (absent item = empty map). */
  public interface Condition {
    boolean test(Map<String, AttributeValue> item);
  }

  /** An update: a new item from the old one, and the paths it set or removed. */
  public interface Update {
    /**
     * Applies the update to {@code item} (empty for an absent item; never mutated) and returns the
     * new item, or throws the ValidationException DynamoDB throws at evaluation time (e.g. "The
     * document path provided in the update expression is invalid for update", "An operand in the
     * update expression has an incorrect data type").
     */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

    /**
     * The document paths the update touches (every action's path, SET first, then REMOVE, ADD,
     * DELETE), for UPDATED_OLD / UPDATED_NEW: project the old item through them for UPDATED_OLD and
     * the new item for UPDATED_NEW.
     */
    List<Path> paths();

    /**
     * The paths to project the new item through for UPDATED_NEW; the same as {@link #paths()} (a
     * REMOVEd path is simply absent from the new item).
     */
    default List<Path> updatedNewPaths() {
      return paths();
    }
  }
}
