package com.leadhandoff.dynamodb.expr;

import com.leadhandoff.dynamodb.model.AttributeValue;

/** How error messages name values and their types. */
final class Values {
  private Values() {}

  /** A scalar as DynamoDB prints it in messages, e.g. {@code {N:5}} or {@code {S:abc}}. */
  static String display(AttributeValue v) {
    String text;
    if (v instanceof AttributeValue.S s) {
      text = s.value();
    } else if (v instanceof AttributeValue.N n) {
      text = n.text();
    } else if (v instanceof AttributeValue.B b) {
      text = b.value().base64();
    } else if (v instanceof AttributeValue.Bool b) {
      text = String.valueOf(b.value());
    } else if (v instanceof AttributeValue.Null) {
      text = "true";
    } else {
      text = "...";
    }
    return "{" + v.type() + ":" + text + "}";
  }

  /** The long type name of ADD/DELETE operand-type messages: STRING, NUMBER SET, … */
  static String longTypeName(AttributeValue v) {
    return switch (v.type()) {
      case "S" -> "STRING";
      case "N" -> "NUMBER";
      case "B" -> "BINARY";
      case "BOOL" -> "BOOLEAN";
      case "NULL" -> "NULL";
      case "M" -> "MAP";
      case "L" -> "LIST";
      case "SS" -> "STRING SET";
      case "NS" -> "NUMBER SET";
      case "BS" -> "BINARY SET";
      default -> v.type();
    };
  }
}
