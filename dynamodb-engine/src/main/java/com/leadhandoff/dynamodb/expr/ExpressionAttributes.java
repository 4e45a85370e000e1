package com.leadhandoff.dynamodb.expr;

import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.leadhandoff.dynamodb.model.AttributeValue;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A request's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}, recording
 * which placeholders the request's expressions used (Developer Guide, "Expression attribute names
 * (aliases) in DynamoDB" and "Using expression attribute values in DynamoDB").
 */
public final class ExpressionAttributes {
  private static final ExpressionAttributes NONE = new ExpressionAttributes(null, null);

  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final boolean namesGiven;
  private final boolean valuesGiven;
  private Set<String> usedNames;
  private Set<String> usedValues;

  /** Either map may be null (the request did not carry it). */
  public ExpressionAttributes(Map<String, String> names, Map<String, AttributeValue> values) {
    this.names = names == null ? Map.of() : names;
    this.values = values == null ? Map.of() : values;
    this.namesGiven = names != null;
    this.valuesGiven = values != null;
  }

  /**
   * The request-level checks DynamoDB makes before parsing: a map that is present must not be empty
   * ("ExpressionAttributeNames must not be empty", likewise for values), and every key must be a
   * placeholder token ({@code #} or {@code :} then letters, digits, underscores), else
   * "ExpressionAttributeNames contains invalid key: Syntax error; key: \"x\"".
   */
  public void checkKeys() {
    if (namesGiven && names.isEmpty()) {
      throw DynamoDbException.validation("ExpressionAttributeNames must not be empty");
    }
    if (valuesGiven && values.isEmpty()) {
      throw DynamoDbException.validation("ExpressionAttributeValues must not be empty");
    }
    for (String key : names.keySet()) {
      if (!isToken(key, '#')) {
        throw DynamoDbException.validation(
            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
      }
    }
    for (String key : values.keySet()) {
      if (!isToken(key, ':')) {
        throw DynamoDbException.validation(
            "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
      }
    }
  }

  private static boolean isToken(String key, char first) {
    if (key.length() < 2 || key.charAt(0) != first) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /**
   * No names and no values. The instance is shared: nothing can be marked used on it since every
   * placeholder lookup fails.
   */
  public static ExpressionAttributes none() {
    return NONE;
  }

  /** The names as given (empty if none). */
  public Map<String, String> names() {
    return names;
  }

  /** The values as given (empty if none). */
  public Map<String, AttributeValue> values() {
    return values;
  }

  /**
   * Resolves {@code #placeholder} and marks it used, or throws "Invalid {kind}: An expression
   * attribute name used in the document path is not defined; attribute name: #x".
   */
  public String name(String placeholder, String kind) {
    String name = names.get(placeholder);
    if (name == null) {
      throw DynamoDbException.validation(
          "Invalid "
              + kind
              + ": An expression attribute name used in the document path is not defined;"
              + " attribute name: "
              + placeholder);
    }
    if (usedNames == null) {
      usedNames = new HashSet<>();
    }
    usedNames.add(placeholder);
    return name;
  }

  /**
   * Resolves {@code :placeholder} and marks it used, or throws "Invalid {kind}: An expression
   * attribute value used in expression is not defined; attribute value: :x".
   */
  public AttributeValue value(String placeholder, String kind) {
    AttributeValue value = values.get(placeholder);
    if (value == null) {
      throw DynamoDbException.validation(
          "Invalid "
              + kind
              + ": An expression attribute value used in expression is not defined; attribute"
              + " value: "
              + placeholder);
    }
    if (usedValues == null) {
      usedValues = new HashSet<>();
    }
    usedValues.add(placeholder);
    return value;
  }

  /** Resolves {@code #placeholder} and marks it used; null if it is not defined. */
  String nameOrNull(String placeholder) {
    String name = names.get(placeholder);
    if (name != null) {
      if (usedNames == null) {
        usedNames = new HashSet<>();
      }
      usedNames.add(placeholder);
    }
    return name;
  }

  /** Resolves {@code :placeholder} and marks it used; null if it is not defined. */
  AttributeValue valueOrNull(String placeholder) {
    AttributeValue value = values.get(placeholder);
    if (value != null) {
      if (usedValues == null) {
        usedValues = new HashSet<>();
      }
      usedValues.add(placeholder);
    }
    return value;
  }

  /**
   * After every expression of a request is parsed: refuses placeholders no expression used ("Value
   * provided in ExpressionAttributeValues unused in expressions: keys: {:b}", and the same for
   * ExpressionAttributeNames). Names are checked before values; keys are listed in the order the
   * request gave them.
   */
  public void checkAllUsed() {
    String unusedNames = unused(names.keySet(), usedNames);
    if (unusedNames != null) {
      throw DynamoDbException.validation(
          "Value provided in ExpressionAttributeNames unused in expressions: keys: {"
              + unusedNames
              + "}");
    }
    String unusedValues = unused(values.keySet(), usedValues);
    if (unusedValues != null) {
      throw DynamoDbException.validation(
          "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
              + unusedValues
              + "}");
    }
  }

  /**
   * Checks a request's placeholders given whether it carries any expression at all: with none,
   * names or values are refused ("ExpressionAttributeNames can only be specified when using
   * expressions", likewise for values); otherwise as {@link #checkAllUsed()}.
   */
  public void checkAllUsed(boolean anyExpression) {
    if (!anyExpression) {
      if (!names.isEmpty()) {
        throw DynamoDbException.validation(
            "ExpressionAttributeNames can only be specified when using expressions");
      }
      if (!values.isEmpty()) {
        throw DynamoDbException.validation(
            "ExpressionAttributeValues can only be specified when using expressions");
      }
      return;
    }
    checkAllUsed();
  }

  private static String unused(Set<String> given, Set<String> used) {
    StringBuilder out = null;
    for (String key : given) {
      if (used == null || !used.contains(key)) {
        if (out == null) {
          out = new StringBuilder(key);
        } else {
          out.append(", ").append(key);
        }
      }
    }
    return out == null ? null : out.toString();
  }
}
