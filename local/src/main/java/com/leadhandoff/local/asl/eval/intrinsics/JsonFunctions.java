package com.leadhandoff.local.asl.eval.intrinsics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.leadhandoff.local.asl.eval.Json;
import java.util.Map;

/** The developer guide's "Intrinsics for JSON data manipulation". */
final class JsonFunctions {
  /** One whole JSON document: "1 2" or "{} x" is not JSON text. */
  private static final ObjectReader STRICT =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonFunctions() {}

  static void register(Map<String, Signature> functions) {
    functions.put("States.StringToJson", new Signature(1, 1, JsonFunctions::stringToJson));
    functions.put(
        "States.JsonToString", new Signature(1, 1, a -> TextNode.valueOf(Json.write(a.get(0)))));
    functions.put("States.JsonMerge", new Signature(3, 3, JsonFunctions::merge));
  }

  /** Parses JSON text; an empty or blank string is null, as AWS answers. */
  private static JsonNode stringToJson(Arguments args) {
    String text = args.text(0);
    if (text.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      JsonNode node = STRICT.readTree(text);
      args.require(node != null && !node.isMissingNode());
      return node;
    } catch (JsonProcessingException e) {
      throw args.invalid();
    }
  }

  /**
   * A shallow merge: the second object's keys replace the first's. Step Functions supports only the
   * shallow mode, so a {@code true} deep flag fails; a non-boolean flag merges shallowly, as on
   * AWS. (A literal {@code true} is refused earlier, when the definition is validated.)
   */
  private static JsonNode merge(Arguments args) {
    ObjectNode merged = args.object(0).deepCopy();
    ObjectNode second = args.object(1);
    args.require(!args.get(2).isBoolean() || !args.get(2).asBoolean());
    second.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
    return merged;
  }
}
