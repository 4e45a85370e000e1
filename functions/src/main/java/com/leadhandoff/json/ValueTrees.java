package com.leadhandoff.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.DecimalUtils;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Records and the values in them to JSON trees and back without an {@code ObjectMapper}, for the
 * cold path (a task's input and output, DynamoDB items): the same trees and values {@code
 * Json.MAPPER} gives for the shapes the functions exchange (records of text, numbers, booleans,
 * enums, instants, dates, zone ids, {@code Optional}s, lists, sets, maps, trees), in the same
 * order.
 *
 * <p>Anything else, and anything that does not fit its type as plainly as the mapper would read it
 * (a number for a text field, an unknown enum constant, a record whose constructor refuses the
 * values, a type with Jackson annotations other than a class-wide {@code NON_NULL}), is handed to
 * {@code Json.MAPPER} whole: the mapper then converts it or fails with exactly its own error, so
 * bad input is told apart as clearly as before. {@code ValueTreesTest} holds the two to the same
 * results for every record a function reads or writes this way.
 */
public final class ValueTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // What Instant.parse and the mapper's InstantDeserializer both read the same way.
  private static final Pattern PLAIN_INSTANT =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z");

  private static final Pattern PLAIN_DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");

  private ValueTrees() {}

  /** {@code value} as {@code Json.MAPPER.valueToTree} gives it. */
  public static JsonNode toTree(Object value) {
    return leanTree(value).orElseGet(() -> Json.MAPPER.valueToTree(value));
  }

  /**
   * {@code tree} as a {@code type}, as {@code Json.MAPPER.convertValue} converts it (and with its
   * {@code IllegalArgumentException} for a tree that does not fit).
   */
  @SuppressWarnings("unchecked")
  public static <T> T convert(JsonNode tree, Class<T> type) {
    Optional<Object> lean = leanValue(tree, type);
    return lean.isPresent() ? (T) lean.get() : Json.MAPPER.convertValue(tree, type);
  }

  /**
   * {@code tree} as a {@code type}, as {@code Json.MAPPER.treeToValue} reads it (and with its
   * exception for a tree that does not fit).
   */
  @SuppressWarnings("unchecked")
  public static <T> T treeToValue(JsonNode tree, Class<T> type)
      throws com.fasterxml.jackson.core.JsonProcessingException {
    Optional<Object> lean = leanValue(tree, type);
    return lean.isPresent() ? (T) lean.get() : Json.MAPPER.treeToValue(tree, type);
  }

  /**
   * {@code json} read as a {@code type}, as {@code Json.MAPPER.readValue} reads it (and with its
   * exception for text that is not JSON or does not fit).
   */
  @SuppressWarnings("unchecked")
  public static <T> T readValue(String json, Class<T> type)
      throws com.fasterxml.jackson.core.JsonProcessingException {
    Optional<Object> lean;
    try {
      lean = leanValue(JsonTrees.read(json), type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      lean = Optional.empty();
    }
    return lean.isPresent() ? (T) lean.get() : Json.MAPPER.readValue(json, type);
  }

  /** {@code value} as the JSON text {@code Json.MAPPER.writeValueAsString} writes. */
  public static String write(Object value) {
    Optional<JsonNode> lean = leanTree(value, true);
    if (lean.isPresent()) {
      return JsonTrees.write(lean.get());
    }
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Not writable as JSON: " + value.getClass().getName(), e);
    }
  }

  /** The lean tree of {@code value}, or empty when the mapper must make it. */
  static Optional<JsonNode> leanTree(Object value) {
    return leanTree(value, false);
  }

  /**
   * The lean tree of {@code value}; {@code asText} when it is only written out, which also takes
   * values whose text the mapper writes directly rather than through a tree (durations).
   */
  static Optional<JsonNode> leanTree(Object value, boolean asText) {
    try {
      return Optional.of(tree(value, asText));
    } catch (NotLean e) {
      return Optional.empty();
    }
  }

  /** The lean value of {@code tree}, or empty when the mapper must read it. */
  static Optional<Object> leanValue(JsonNode tree, Type type) {
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(value(tree, type));
    } catch (NotLean e) {
      return Optional.empty();
    }
  }

  private static JsonNode tree(Object value, boolean asText) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number.intValue());
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number.longValue());
    }
    if (value instanceof Double number) {
      return NODES.numberNode(number.doubleValue());
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof Enum<?> constant) {
      if (!Shapes.plainEnum(constant.getDeclaringClass())) {
        throw new NotLean();
      }
      return NODES.textNode(constant.name());
    }
    if (value instanceof Instant instant) {
      // InstantSerializer without WRITE_DATES_AS_TIMESTAMPS: DateTimeFormatter.ISO_INSTANT, which
      // is also Instant.toString().
      return NODES.textNode(instant.toString());
    }
    if (value instanceof ZoneId zone) {
      return NODES.textNode(zone.getId());
    }
    if (value instanceof LocalDate date && date.getYear() >= 0 && date.getYear() <= 9999) {
      // LocalDateSerializer: DateTimeFormatter.ISO_LOCAL_DATE.
      return NODES.textNode(date.toString());
    }
    if (value instanceof Duration duration) {
      if (!asText) {
        // valueToTree strips the number's trailing zeros; only its text is the mapper's as is.
        throw new NotLean();
      }
      // DurationSerializer with WRITE_DURATIONS_AS_TIMESTAMPS (on by default) and nanoseconds:
      // seconds with nine decimals, e.g. 3600.000000000.
      BigDecimal seconds =
          duration.isNegative()
              ? DecimalUtils.toBigDecimal(duration.abs().getSeconds(), duration.abs().getNano())
                  .negate()
              : DecimalUtils.toBigDecimal(duration.getSeconds(), duration.getNano());
      return DecimalNode.valueOf(seconds);
    }
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? tree(optional.get(), asText) : NODES.nullNode();
    }
    if (value instanceof List<?> || value instanceof Set<?>) {
      ArrayNode array = NODES.arrayNode();
      for (Object element : (Collection<?>) value) {
        array.add(tree(element, asText));
      }
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        object.set(key(entry.getKey()), tree(entry.getValue(), asText));
      }
      return object;
    }
    Shapes.RecordShape shape = Shapes.record(value.getClass()).orElseThrow(NotLean::new);
    ObjectNode object = NODES.objectNode();
    for (Shapes.Component component : shape.components()) {
      Object field = component.get(value);
      if (component.omits(field)) {
        continue;
      }
      object.set(component.name(), tree(field, asText));
    }
    return object;
  }

  // Map keys: text, or an enum constant's name (the mapper's key serializer for enums).
  private static String key(Object key) {
    if (key instanceof String text) {
      return text;
    }
    if (key instanceof Enum<?> constant && Shapes.plainEnum(constant.getDeclaringClass())) {
      return constant.name();
    }
    throw new NotLean();
  }

  private static Object value(JsonNode node, Type type) {
    if (node.isNull()) {
      if (type instanceof Class<?> c && c.isPrimitive()) {
        return primitiveDefault(c);
      }
      if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
        return Optional.empty();
      }
      if (type instanceof Class<?> c && JsonNode.class.isAssignableFrom(c)) {
        throw new NotLean();
      }
      return null;
    }
    if (type instanceof ParameterizedType p) {
      return parameterized(node, p);
    }
    if (!(type instanceof Class<?> c)) {
      throw new NotLean();
    }
    if (c == String.class) {
      return node.isTextual() ? node.textValue() : notLean();
    }
    if (c == Integer.class || c == int.class) {
      return whole(node, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
    }
    if (c == Long.class || c == long.class) {
      return whole(node, Long.MIN_VALUE, Long.MAX_VALUE).longValue();
    }
    if (c == Double.class || c == double.class) {
      return node.isInt() || node.isLong() || node.isDouble() || node.isBigDecimal()
          ? node.doubleValue()
          : notLean();
    }
    if (c == Boolean.class || c == boolean.class) {
      return node.isBoolean() ? node.booleanValue() : notLean();
    }
    if (c == Instant.class) {
      return node.isTextual() && PLAIN_INSTANT.matcher(node.textValue()).matches()
          ? Instant.parse(node.textValue())
          : notLean();
    }
    if (c == ZoneId.class) {
      return zone(node);
    }
    if (c == LocalDate.class) {
      return date(node);
    }
    if (c.isEnum()) {
      return constant(node, c);
    }
    if (c == Object.class) {
      return untyped(node);
    }
    if (c.isInstance(node)) {
      return node;
    }
    Shapes.RecordShape shape = Shapes.record(c).orElseThrow(NotLean::new);
    if (!node.isObject()) {
      throw new NotLean();
    }
    Object[] arguments = new Object[shape.components().size()];
    for (int i = 0; i < arguments.length; i++) {
      Shapes.Component component = shape.components().get(i);
      JsonNode field = node.get(component.name());
      arguments[i] = field == null ? absent(component.type()) : value(field, component.type());
    }
    try {
      return shape.constructor().newInstance(arguments);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // The mapper then fails with its own message around the record's.
      throw new NotLean();
    }
  }

  private static Object parameterized(JsonNode node, ParameterizedType type) {
    Type raw = type.getRawType();
    Type[] arguments = type.getActualTypeArguments();
    if (raw == Optional.class) {
      return Optional.ofNullable(value(node, arguments[0]));
    }
    if ((raw == List.class || raw == Collection.class) && node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(element -> list.add(value(element, arguments[0])));
      return list;
    }
    if (raw == Set.class && node.isArray()) {
      Set<Object> set = new HashSet<>();
      node.forEach(element -> set.add(value(element, arguments[0])));
      return set;
    }
    if (raw == Map.class && node.isObject()) {
      Map<Object, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        Object key =
            arguments[0] == String.class
                ? entry.getKey()
                : constant(NODES.textNode(entry.getKey()), arguments[0]);
        map.put(key, value(entry.getValue(), arguments[1]));
      }
      return map;
    }
    throw new NotLean();
  }

  // A creator property the input leaves out: the mapper passes null, 0 or false, and an empty
  // Optional for an Optional.
  private static Object absent(Type type) {
    if (type instanceof Class<?> c) {
      if (c.isPrimitive()) {
        return primitiveDefault(c);
      }
      if (JsonNode.class.isAssignableFrom(c)) {
        throw new NotLean();
      }
      return null;
    }
    if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
      return Optional.empty();
    }
    return null;
  }

  private static Object primitiveDefault(Class<?> type) {
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == double.class) {
      return 0.0;
    }
    if (type == boolean.class) {
      return false;
    }
    throw new NotLean();
  }

  // Whole numbers, also as DynamoDB numbers read back (BigDecimal) when they have no fraction.
  private static Number whole(JsonNode node, long min, long max) {
    if (node.isInt() || node.isLong()) {
      long value = node.longValue();
      if (value >= min && value <= max) {
        return value;
      }
    } else if (node.isBigDecimal()) {
      BigDecimal value = node.decimalValue();
      try {
        long exact = value.longValueExact();
        if (exact >= min && exact <= max) {
          return exact;
        }
      } catch (ArithmeticException e) {
        // A fraction or out of range: the mapper decides.
      }
    }
    throw new NotLean();
  }

  private static Object zone(JsonNode node) {
    if (!node.isTextual() || node.textValue().isBlank()) {
      throw new NotLean();
    }
    String id = node.textValue();
    if (!id.equals(id.trim())) {
      throw new NotLean();
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new NotLean();
    }
  }

  private static Object date(JsonNode node) {
    if (!node.isTextual() || !PLAIN_DATE.matcher(node.textValue()).matches()) {
      throw new NotLean();
    }
    try {
      return LocalDate.parse(node.textValue());
    } catch (DateTimeException e) {
      throw new NotLean();
    }
  }

  private static Object constant(JsonNode node, Type type) {
    if (!(type instanceof Class<?> c) || !c.isEnum()) {
      throw new NotLean();
    }
    return constant(node, c);
  }

  private static Object constant(JsonNode node, Class<?> type) {
    if (!node.isTextual() || !Shapes.plainEnum(type)) {
      throw new NotLean();
    }
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(node.textValue())) {
        return constant;
      }
    }
    throw new NotLean();
  }

  // As the mapper reads Object: maps, lists, strings, Integer or Long, booleans, null.
  private static Object untyped(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        map.put(entry.getKey(), untyped(entry.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(element -> list.add(untyped(element)));
      return list;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isInt()) {
      return node.intValue();
    }
    if (node.isLong()) {
      return node.longValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNull()) {
      return null;
    }
    throw new NotLean();
  }

  private static Object notLean() {
    throw new NotLean();
  }

  /** A value the mapper must convert; never leaves this class. */
  private static final class NotLean extends RuntimeException {
    NotLean() {
      super(null, null, false, false);
    }
  }
}
