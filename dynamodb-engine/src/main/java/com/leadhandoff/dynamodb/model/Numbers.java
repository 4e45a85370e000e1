package com.leadhandoff.dynamodb.model;

import com.leadhandoff.dynamodb.error.DynamoDbException;
import java.math.BigDecimal;

/**
 * DynamoDB's number rules (Developer Guide, "Supported data types", Number): up to 38 digits of
 * precision, magnitudes from 1E-130 to 9.9999999999999999999999999999999999999E+125, leading and
 * trailing zeros trimmed. Arithmetic results are checked against the same limits.
 */
public final class Numbers {
  private static final BigDecimal MAX =
      new BigDecimal("9.9999999999999999999999999999999999999E+125");
  private static final BigDecimal MIN = new BigDecimal("1E-130");

  private Numbers() {}

  /** Parses wire text into a normalised number, or fails as DynamoDB does. */
  public static BigDecimal parse(String text) {
    BigDecimal value;
    try {
      String trimmed = text.strip();
      if (trimmed.isEmpty() || !trimmed.equals(text) && text.isBlank()) {
        throw new NumberFormatException();
      }
      value = new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      throw DynamoDbException.validation("A value provided cannot be converted into a number");
    }
    return check(value);
  }

  /** Checks precision and range of a computed or parsed value; returns it normalised. */
  public static BigDecimal check(BigDecimal value) {
    BigDecimal n = normalise(value);
    if (n.signum() == 0) {
      return n;
    }
    if (n.precision() > 38) {
      throw DynamoDbException.validation(
          "Attempting to store more than 38 significant digits in a Number");
    }
    BigDecimal magnitude = n.abs();
    if (magnitude.compareTo(MAX) > 0) {
      throw DynamoDbException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported"
              + " range");
    }
    if (magnitude.compareTo(MIN) < 0) {
      throw DynamoDbException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported"
              + " range");
    }
    return n;
  }

  /** Strips trailing zeros so equal numbers have one representation. */
  public static BigDecimal normalise(BigDecimal value) {
    return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  /** The text DynamoDB returns for a number: plain digits, no exponent, no trailing zeros. */
  public static String format(BigDecimal value) {
    return normalise(value).toPlainString();
  }
}
