package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Optional;

/** JSONPath reads over Jackson trees with Jayway json-path; a missing path is an empty result. */
public final class JsonPaths {
  private static final Configuration CONFIGURATION =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
          .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
          .build();

  private JsonPaths() {}

  /**
   * The value at {@code path} in {@code document}, or empty if the path does not exist. An
   * indefinite path (wildcards, filters) yields an array of its matches.
   */
  public static Optional<JsonNode> read(JsonNode document, String path) {
    if (path.equals("$")) {
      return Optional.of(document);
    }
    try {
      Object value = JsonPath.using(CONFIGURATION).parse(document).read(path);
      if (value == null) {
        return Optional.of(NullNode.getInstance());
      }
      return Optional.of(value instanceof JsonNode node ? node : Json.MAPPER.valueToTree(value));
    } catch (JsonPathException e) {
      return Optional.empty();
    }
  }

  /** The value at {@code path}, or a {@link StatesError} named {@code error} if it is missing. */
  public static JsonNode require(JsonNode document, String path, String error, String what) {
    return read(document, path)
        .orElseThrow(
            () ->
                new StatesError(
                    error,
                    "Invalid path '"
                        + path
                        + "' : "
                        + what
                        + " could not be found in the input '"
                        + Json.write(document)
                        + "'"));
  }
}
