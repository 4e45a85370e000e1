package com.leadhandoff.dynamodb.table;

import com.leadhandoff.dynamodb.error.DynamoDbException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the request-shape violations DynamoDB reports together, worded as its service framework
 * words them: "1 validation error detected: Value 'x' at 'tableName' failed to satisfy constraint:
 * Member must have length greater than or equal to 3" (several joined by "; ").
 */
public final class Constraints {
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
  private final List<String> errors = new ArrayList<>();

  /** Records one violation of {@code value} at {@code field}. */
  public Constraints fail(Object value, String field, String constraint) {
    errors.add(
        "Value '" + value + "' at '" + field + "' failed to satisfy constraint: " + constraint);
    return this;
  }

  /** Records a null where a member is required. */
  public Constraints required(Object value, String field) {
    if (value == null) {
      errors.add(
          "Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
    }
    return this;
  }

  /** Checks a table or index name (3 to 255 characters of [a-zA-Z0-9_.-]). */
  public Constraints name(String value, String field, int max) {
    if (value == null) {
      return required(null, field);
    }
    if (!TABLE_NAME.matcher(value).matches()) {
      fail(value, field, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    if (value.length() < 3) {
      fail(value, field, "Member must have length greater than or equal to 3");
    }
    if (value.length() > max) {
      fail(value, field, "Member must have length less than or equal to " + max);
    }
    return this;
  }

  /** Checks {@code value} is one of {@code allowed} (given in AWS's listing order). */
  public Constraints oneOf(String value, String field, String... allowed) {
    if (value != null && !List.of(allowed).contains(value)) {
      fail(
          value, field, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
    }
    return this;
  }

  /** Throws the collected violations, if any. */
  public void check() {
    if (!errors.isEmpty()) {
      throw DynamoDbException.validation(
          errors.size()
              + " validation error"
              + (errors.size() == 1 ? "" : "s")
              + " detected: "
              + String.join("; ", errors));
    }
  }
}
