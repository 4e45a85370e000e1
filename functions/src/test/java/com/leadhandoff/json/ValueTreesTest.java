package com.leadhandoff.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.acknowledgement.AcknowledgeLeadHandler;
import com.leadhandoff.admin.RepChange;
import com.leadhandoff.attention.ParkLeadHandler;
import com.leadhandoff.deliverability.EmailFeedbackHandler;
import com.leadhandoff.digest.DigestHandler;
import com.leadhandoff.escalation.EscalateToManagerHandler;
import com.leadhandoff.escalation.QueueLeadHandler;
import com.leadhandoff.followup.FollowUpHandler;
import com.leadhandoff.history.HistoryEvent;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.Owner;
import com.leadhandoff.nurture.NurtureLeadHandler;
import com.leadhandoff.nurture.RecycleLeadHandler;
import com.leadhandoff.offer.CloseOfferHandler;
import com.leadhandoff.offer.MoveOfferOnHandler;
import com.leadhandoff.offer.Offer;
import com.leadhandoff.offer.OfferToRepHandler;
import com.leadhandoff.offer.RemindRepHandler;
import com.leadhandoff.outcome.OutcomeLink;
import com.leadhandoff.ownership.MatchLeadHandler;
import com.leadhandoff.report.SlaReport;
import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.Route;
import com.leadhandoff.routing.RouteLeadHandler;
import com.leadhandoff.routing.Team;
import com.leadhandoff.scoring.Score;
import com.leadhandoff.scoring.ScoreLeadHandler;
import com.leadhandoff.sla.SlaFacts;
import com.leadhandoff.sla.WorkingInterval;
import com.leadhandoff.store.ItemCodec;
import com.leadhandoff.takein.TakeInLeadHandler;
import com.leadhandoff.task.TaskHandler;
import com.leadhandoff.watchdog.WatchdogHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueTrees} against {@code Json.MAPPER}, for every record a task handler reads or writes
 * and every record stored through {@link ItemCodec}: filled in, left empty, and with each field
 * given a value of the wrong kind. The lean result must be the mapper's, or the lean path must step
 * aside (so the mapper converts it, or fails with its own error).
 */
class ValueTreesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final List<Class<?>> HANDLERS =
      List.of(
          RouteLeadHandler.class,
          ParkLeadHandler.class,
          NurtureLeadHandler.class,
          RecycleLeadHandler.class,
          DigestHandler.class,
          AcknowledgeLeadHandler.class,
          MatchLeadHandler.class,
          FollowUpHandler.class,
          TakeInLeadHandler.class,
          ScoreLeadHandler.class,
          WatchdogHandler.class,
          EmailFeedbackHandler.class,
          MoveOfferOnHandler.class,
          OfferToRepHandler.class,
          CloseOfferHandler.class,
          RemindRepHandler.class,
          QueueLeadHandler.class,
          EscalateToManagerHandler.class);

  private static final List<Class<?>> STORED =
      List.of(
          Lead.class,
          Offer.class,
          Rep.class,
          Team.class,
          HistoryEvent.class,
          OutcomeLink.class,
          Score.class,
          Owner.class,
          RepChange.class,
          Route.class);

  /**
   * Records stored as JSON text: written lean; read back by the mapper, as their durations are
   * written as decimal seconds a tree would round.
   */
  private static final List<Class<?>> STORED_AS_TEXT = List.of(SlaFacts.class);

  /** Every record type exchanged on the cold path: the handlers' inputs and outputs, the items. */
  private static List<Class<?>> recordTypes() {
    Set<Class<?>> types = new LinkedHashSet<>();
    for (Class<?> handler : HANDLERS) {
      ParameterizedType base = (ParameterizedType) handler.getGenericSuperclass();
      assertEquals(TaskHandler.class, base.getRawType());
      for (Type argument : base.getActualTypeArguments()) {
        if (argument instanceof Class<?> c && c.isRecord()) {
          types.add(c);
        }
      }
    }
    types.addAll(STORED);
    types.addAll(STORED_AS_TEXT);
    // HTTP API response bodies (JsonResponses)
    types.add(SlaReport.class);
    for (String body :
        List.of(
            "com.leadhandoff.admin.AdminResponses$ErrorBody",
            "com.leadhandoff.intake.IntakeResponses$ErrorBody",
            "com.leadhandoff.intake.IntakeResponses$UnavailableBody",
            "com.leadhandoff.admin.RepView",
            "com.leadhandoff.admin.DryRunJson")) {
      try {
        types.add(Class.forName(body));
      } catch (ClassNotFoundException e) {
        throw new AssertionError(body, e);
      }
    }
    return new ArrayList<>(types);
  }

  @Test
  void everyRecordOnTheColdPath_isMappedLean() {
    // GIVEN each record a handler or an item exchanges, filled in
    for (Class<?> type : recordTypes()) {
      Object value = sample(type, 0);
      // WHEN it is turned into a tree and read back
      // THEN neither direction needs the mapper
      assertTrue(ValueTrees.leanTree(value, true).isPresent(), type + " is written by the mapper");
      if (STORED_AS_TEXT.contains(type)) {
        continue;
      }
      assertTrue(
          ValueTrees.leanTree(value).isPresent(), type + " is turned into a tree by the mapper");
      JsonNode tree = Json.MAPPER.valueToTree(value);
      assertTrue(ValueTrees.leanValue(tree, type).isPresent(), type + " is read by the mapper");
    }
  }

  @Test
  void writing_givesTheMappersText() throws Exception {
    for (Class<?> type : recordTypes()) {
      for (Object value : List.of(sample(type, 0), sample(type, 1))) {
        // WHEN a record is written lean, as text or through its tree
        String lean = ValueTrees.write(value);
        // THEN it is the mapper's text, field for field and in the same order
        assertEquals(Json.MAPPER.writeValueAsString(value), lean, type.getName());
        assertEquals(
            Json.MAPPER.writeValueAsString(Json.MAPPER.valueToTree(value)),
            JsonTrees.write(ValueTrees.toTree(value)),
            type.getName());
      }
    }
  }

  @Test
  void writingEmptyAndNullFields_givesTheMappersText() throws Exception {
    for (Class<?> type : recordTypes()) {
      // GIVEN a record with empty text, lists and maps and null for the rest, where it takes them
      Object value;
      try {
        value = sample(type, EMPTY);
      } catch (IllegalArgumentException refused) {
        continue;
      }
      // THEN it is written as the mapper writes it, inclusion rules and all
      assertEquals(Json.MAPPER.writeValueAsString(value), ValueTrees.write(value), type.getName());
    }
  }

  @Test
  void reading_givesTheMappersRecord() throws Exception {
    for (Class<?> type : recordTypes()) {
      for (Object value : List.of(sample(type, 0), sample(type, 1))) {
        // GIVEN the mapper's text of a record, parsed lean
        String text = Json.MAPPER.writeValueAsString(value);
        assertEquals(Json.MAPPER.readValue(text, type), ValueTrees.readValue(text, type));
        JsonNode tree = JsonTrees.read(text);
        // WHEN it is read back lean
        Object lean = ValueTrees.treeToValue(tree, type);
        // THEN it is the record the mapper reads, and the one written
        assertEquals(Json.MAPPER.treeToValue(tree, type), lean, type.getName());
        assertEquals(value, lean, type.getName());
      }
    }
  }

  @Test
  void items_readBackAsTheMapperConvertsThem() {
    for (Class<?> type : STORED) {
      // GIVEN a record stored as a DynamoDB item (numbers come back as decimals)
      ObjectNode item = ItemCodec.toNode(ItemCodec.toItem(sample(type, 0)));
      // WHEN it is converted lean
      // THEN it is the mapper's conversion
      assertEquals(
          Json.MAPPER.convertValue(item, type), ValueTrees.convert(item, type), type.getName());
    }
  }

  @Test
  void missingOrNullFields_readAsTheMapperReadsThem() {
    for (Class<?> type : recordTypes()) {
      ObjectNode empty = NODES.objectNode();
      ObjectNode nulls = NODES.objectNode();
      for (RecordComponent component : type.getRecordComponents()) {
        nulls.putNull(component.getName());
      }
      for (ObjectNode input : List.of(empty, nulls)) {
        assertSameAsMapper(input, type);
      }
    }
  }

  @Test
  void aFieldOfTheWrongKind_isLeftToTheMapper() {
    List<JsonNode> wrong =
        List.of(
            NODES.numberNode(5),
            NODES.numberNode(2.5),
            NODES.numberNode(new java.math.BigDecimal("3.50")),
            NODES.numberNode(1L << 40),
            NODES.textNode("x"),
            NODES.textNode(""),
            NODES.textNode(" 2026-12-04T10:15:30Z"),
            NODES.textNode("2026-12-04T10:15:30+01:00"),
            NODES.textNode("1733300000"),
            NODES.textNode("Mars/Olympus"),
            NODES.booleanNode(true),
            NODES.objectNode(),
            NODES.arrayNode().add("x"),
            NODES.nullNode());
    for (Class<?> type : recordTypes()) {
      ObjectNode good = Json.MAPPER.valueToTree(sample(type, 0));
      for (RecordComponent component : type.getRecordComponents()) {
        for (JsonNode value : wrong) {
          // GIVEN a record's tree with one field replaced by a value of another kind
          ObjectNode input = good.deepCopy();
          input.set(component.getName(), value);
          // THEN the lean reading is the mapper's, or the mapper reads it (and fails as before)
          assertSameAsMapper(input, type);
        }
      }
    }
  }

  @Test
  void badText_failsWithTheMappersError() {
    for (String text : List.of("{", "[1,", "{\"a\" 1}", "nul", "\"open")) {
      Exception mapper = assertThrowsAny(() -> Json.MAPPER.readTree(text));
      Exception lean = assertThrowsAny(() -> JsonTrees.read(text));
      assertEquals(mapper.getClass(), lean.getClass(), text);
      assertEquals(mapper.getMessage(), lean.getMessage(), text);
    }
  }

  @Test
  void parsing_givesTheMappersTree() throws Exception {
    String text =
        "{\"a\":1,\"b\":12345678901,\"c\":123456789012345678901234567890,\"d\":2.50,"
            + "\"e\":[true,false,null,\"x\",{}],\"a\":\"last\",\"f\":-0.0,\"g\":1e3}";
    JsonNode mapper = Json.MAPPER.readTree(text);
    JsonNode lean = JsonTrees.read(text);
    assertEquals(mapper, lean);
    assertEquals(Json.MAPPER.writeValueAsString(mapper), JsonTrees.write(lean));
    assertEquals(
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(mapper),
        JsonTrees.writePretty(lean));
    assertTrue(JsonTrees.read("").isMissingNode());
    assertEquals(Json.MAPPER.readTree(" "), JsonTrees.read(" "));
  }

  private static void assertSameAsMapper(JsonNode input, Class<?> type) {
    Optional<Object> lean = ValueTrees.leanValue(input, type);
    Object mapper;
    try {
      mapper = Json.MAPPER.treeToValue(input, type);
    } catch (Exception e) {
      assertTrue(
          lean.isEmpty(),
          () -> type.getName() + " " + input + ": lean read " + lean + ", the mapper failed: " + e);
      return;
    }
    lean.ifPresent(value -> assertEquals(mapper, value, () -> type.getName() + " " + input));
  }

  private static Exception assertThrowsAny(ThrowingRunnable run) {
    try {
      run.run();
    } catch (Exception e) {
      return e;
    }
    return fail("no error");
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** The variant of {@link #sample} with empty text, lists and maps, and null elsewhere. */
  private static final int EMPTY = -1;

  /** A value of {@code type} with every field set; {@code variant} picks other values. */
  private static Object empty(Type type, int depth) {
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (raw == Optional.class) {
      return Optional.empty();
    }
    if (raw == List.class) {
      return List.of();
    }
    if (raw == Set.class) {
      return Set.of();
    }
    if (raw == Map.class) {
      return Map.of();
    }
    if (raw == String.class) {
      return "";
    }
    if (raw.isRecord() && depth == 0) {
      return emptyRecord(raw);
    }
    if (raw.isPrimitive()) {
      return sample(type, 0, depth);
    }
    return null;
  }

  private static Object emptyRecord(Class<?> c) {
    RecordComponent[] components = c.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = empty(components[i].getGenericType(), 1);
    }
    try {
      var constructor = c.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("no empty " + c, e);
    }
  }

  private static Object sample(Type type, int variant) {
    return sample(type, variant, 0);
  }

  private static Object sample(Type type, int variant, int depth) {
    if (variant == EMPTY) {
      return empty(type, depth);
    }
    // Records that nest themselves (a reminder's next reminder) end at depth 8.
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      Type[] arguments = p.getActualTypeArguments();
      if (raw == Optional.class) {
        return variant == 1
            ? Optional.empty()
            : Optional.of(sample(arguments[0], variant, depth + 1));
      }
      if (raw == List.class) {
        return List.of(
            sample(arguments[0], variant, depth + 1), sample(arguments[0], variant + 2, depth + 1));
      }
      if (raw == Set.class) {
        return Set.of(sample(arguments[0], variant, depth + 1));
      }
      if (raw == Map.class) {
        Map<Object, Object> map = new LinkedHashMap<>();
        boolean enumKeys = arguments[0] instanceof Class<?> k && k.isEnum();
        map.put(
            enumKeys ? sample(arguments[0], variant, depth + 1) : "first",
            sample(arguments[1], variant, depth + 1));
        map.put(
            enumKeys ? sample(arguments[0], variant + 1, depth + 1) : "second",
            sample(arguments[1], variant + 1, depth + 1));
        return map;
      }
      throw new IllegalArgumentException("no sample of " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return variant == 1 ? "other text" : "text";
    }
    if (c == Integer.class || c == int.class) {
      return 7 + variant;
    }
    if (c == Long.class || c == long.class) {
      return 1_733_300_000_000L + variant;
    }
    if (c == Double.class || c == double.class) {
      return 0.25 + variant;
    }
    if (c == Boolean.class || c == boolean.class) {
      return variant == 0;
    }
    if (c == Instant.class) {
      return variant == 1
          ? Instant.parse("2026-12-04T10:15:30Z")
          : Instant.parse("2026-12-04T10:15:30.123Z");
    }
    if (c == Duration.class) {
      return Duration.ofMillis(variant == 1 ? -1_500 : 3_723_456);
    }
    if (c == LocalDate.class) {
      return LocalDate.of(2026, 12, 4 + variant);
    }
    if (c == ZoneId.class) {
      return ZoneId.of(variant == 1 ? "UTC" : "Europe/Madrid");
    }
    if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[variant % constants.length];
    }
    if (c == Object.class) {
      return variant == 1 ? List.of("x", 3) : "value";
    }
    if (JsonNode.class.isAssignableFrom(c)) {
      return NODES.objectNode().put("a", 1);
    }
    if (c == WorkingInterval.class) {
      return new WorkingInterval(9 * 60, 17 * 60 + variant);
    }
    if (c.isRecord() && depth > 8) {
      return null;
    }
    if (c.isRecord()) {
      RecordComponent[] components = c.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      Object[] values = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = sample(components[i].getGenericType(), variant, depth + 1);
      }
      try {
        var constructor = c.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException("no sample of " + c + ": " + e.getCause(), e);
      }
    }
    throw new IllegalArgumentException("no sample of " + type);
  }
}
