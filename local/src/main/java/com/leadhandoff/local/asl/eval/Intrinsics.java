package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.leadhandoff.local.asl.model.Expression;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * The intrinsic functions the interpreter implements. Any other {@code States.*} function is
 * refused when the definition is validated, never at run time.
 */
public final class Intrinsics {
  /** Supported functions with their minimum and maximum argument counts (-1: unbounded). */
  private static final Map<String, int[]> ARITY =
      Map.ofEntries(
          Map.entry("States.Format", new int[] {1, -1}),
          Map.entry("States.JsonToString", new int[] {1, 1}),
          Map.entry("States.StringToJson", new int[] {1, 1}),
          Map.entry("States.Array", new int[] {0, -1}),
          Map.entry("States.UUID", new int[] {0, 0}),
          Map.entry("States.MathAdd", new int[] {2, 2}),
          Map.entry("States.ArrayLength", new int[] {1, 1}),
          Map.entry("States.ArrayGetItem", new int[] {2, 2}),
          Map.entry("States.ArrayContains", new int[] {2, 2}),
          Map.entry("States.StringSplit", new int[] {2, 2}),
          Map.entry("States.Base64Encode", new int[] {1, 1}),
          Map.entry("States.Base64Decode", new int[] {1, 1}));

  private Intrinsics() {}

  /** A validation problem with this call (unknown function, wrong argument count), if any. */
  public static Optional<String> checkCall(String function, List<Expression> args) {
    int[] arity = ARITY.get(function);
    if (arity == null) {
      return Optional.of("intrinsic function " + function + " is not supported");
    }
    if (args.size() < arity[0] || (arity[1] >= 0 && args.size() > arity[1])) {
      return Optional.of(function + " does not take " + args.size() + " argument(s)");
    }
    if (function.equals("States.Format")
        && args.get(0) instanceof Expression.Literal literal
        && !literal.value().isTextual()) {
      return Optional.of("the first argument of States.Format must be a string");
    }
    return Optional.empty();
  }

  /** Applies {@code function}; bad argument values raise States.IntrinsicFailure. */
  public static JsonNode apply(String function, List<JsonNode> args, Random random) {
    switch (function) {
      case "States.Format":
        return TextNode.valueOf(format(text(function, args.get(0)), args.subList(1, args.size())));
      case "States.JsonToString":
        return TextNode.valueOf(Json.write(args.get(0)));
      case "States.StringToJson":
        return Json.tryParse(text(function, args.get(0)))
            .orElseThrow(() -> failure(function + ": the argument is not a JSON string"));
      case "States.Array":
        {
          ArrayNode array = Json.MAPPER.createArrayNode();
          args.forEach(array::add);
          return array;
        }
      case "States.UUID":
        return TextNode.valueOf(
            new UUID(
                    (random.nextLong() & ~0xF000L) | 0x4000L,
                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString());
      case "States.MathAdd":
        {
          BigDecimal sum = number(function, args.get(0)).add(number(function, args.get(1)));
          return sum.stripTrailingZeros().scale() <= 0
              ? LongNode.valueOf(sum.longValueExact())
              : DecimalNode.valueOf(sum);
        }
      case "States.ArrayLength":
        return LongNode.valueOf(array(function, args.get(0)).size());
      case "States.ArrayGetItem":
        {
          ArrayNode array = array(function, args.get(0));
          int index = number(function, args.get(1)).intValue();
          if (index < 0 || index >= array.size()) {
            throw failure(function + ": index " + index + " is out of bounds");
          }
          return array.get(index);
        }
      case "States.ArrayContains":
        {
          for (JsonNode element : array(function, args.get(0))) {
            if (element.equals(args.get(1))) {
              return BooleanNode.TRUE;
            }
          }
          return BooleanNode.FALSE;
        }
      case "States.StringSplit":
        {
          String value = text(function, args.get(0));
          String delimiters = text(function, args.get(1));
          ArrayNode parts = Json.MAPPER.createArrayNode();
          StringBuilder current = new StringBuilder();
          for (char c : value.toCharArray()) {
            if (delimiters.indexOf(c) >= 0) {
              if (current.length() > 0) {
                parts.add(current.toString());
              }
              current.setLength(0);
            } else {
              current.append(c);
            }
          }
          if (current.length() > 0) {
            parts.add(current.toString());
          }
          return parts;
        }
      case "States.Base64Encode":
        return TextNode.valueOf(
            Base64.getEncoder()
                .encodeToString(text(function, args.get(0)).getBytes(StandardCharsets.UTF_8)));
      case "States.Base64Decode":
        try {
          return TextNode.valueOf(
              new String(
                  Base64.getDecoder().decode(text(function, args.get(0))), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw failure(function + ": the argument is not Base64");
        }
      default:
        throw new IllegalStateException("validation let through " + function);
    }
  }

  /** States.Format: each {@code {}} takes the next argument; {@code \{ \}} are literal braces. */
  private static String format(String template, List<JsonNode> args) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length()) {
        out.append(template.charAt(++i));
      } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        if (next >= args.size()) {
          throw failure("States.Format: more {} placeholders than arguments");
        }
        JsonNode arg = args.get(next++);
        out.append(arg.isTextual() ? arg.asText() : Json.write(arg));
        i++;
      } else {
        out.append(c);
      }
    }
    if (next != args.size()) {
      throw failure("States.Format: more arguments than {} placeholders");
    }
    return out.toString();
  }

  private static String text(String function, JsonNode node) {
    if (!node.isTextual()) {
      throw failure(function + ": expected a string, got " + node);
    }
    return node.asText();
  }

  private static BigDecimal number(String function, JsonNode node) {
    if (!node.isNumber()) {
      throw failure(function + ": expected a number, got " + node);
    }
    return node.decimalValue();
  }

  private static ArrayNode array(String function, JsonNode node) {
    if (!(node instanceof ArrayNode array)) {
      throw failure(function + ": expected an array, got " + node);
    }
    return array;
  }

  private static StatesError failure(String message) {
    return new StatesError(ErrorNames.INTRINSIC_FAILURE, message);
  }
}
