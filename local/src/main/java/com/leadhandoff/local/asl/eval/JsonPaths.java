package com.leadhandoff.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Optional;

/**
 * JSONPath reads over Jackson trees with Jayway json-path, the library Step Functions itself uses
 * (its messages leak into AWS's causes, e.g. "No results for path: $['x']"). A path that starts
 * with {@code $$} reads the context object instead of the input.
 */
public final class JsonPaths {
  private static final Configuration CONFIGURATION =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
          .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
          .build();

  private JsonPaths() {}

  /** Whether {@code path} reads the context object ({@code $$…}). */
  public static boolean isContextPath(String path) {
    return path.startsWith("$$");
  }

  /**
   * The value at {@code path}, read from {@code context} for a {@code $$} path and from {@code
   * input} otherwise; empty if it does not exist.
   */
  public static Optional<JsonNode> read(JsonNode input, JsonNode context, String path) {
    return isContextPath(path) ? read(context, path.substring(1)) : read(input, path);
  }

  /** The document a path reads: the context object for a {@code $$} path, else the input. */
  public static JsonNode documentOf(JsonNode input, JsonNode context, String path) {
    return isContextPath(path) ? context : input;
  }

  /**
   * The value at {@code path} in {@code document}, or empty if the path does not exist. An
   * indefinite path (wildcards, slices, filters) yields an array of its matches, and {@code []}
   * when what it runs over is absent, as Step Functions answers.
   */
  public static Optional<JsonNode> read(JsonNode document, String path) {
    if (path.equals("$")) {
      return Optional.of(document);
    }
    JsonPath compiled;
    try {
      compiled = JsonPath.compile(path);
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    try {
      Object value = JsonPath.using(CONFIGURATION).parse(document).read(compiled);
      if (value == null) {
        return Optional.of(NullNode.getInstance());
      }
      return Optional.of(value instanceof JsonNode node ? node : Json.MAPPER.valueToTree(value));
    } catch (PathNotFoundException e) {
      return compiled.isDefinite() ? Optional.empty() : Optional.of(Json.MAPPER.createArrayNode());
    } catch (JsonPathException e) {
      return Optional.empty();
    }
  }

  /** Why {@code path} finds nothing in {@code document}, in the JSONPath library's words. */
  public static String missingReason(JsonNode document, String path) {
    try {
      JsonPath.using(CONFIGURATION)
          .parse(document)
          .read(isContextPath(path) ? path.substring(1) : path);
      return "No results for path: " + path;
    } catch (JsonPathException e) {
      return e.getMessage();
    }
  }

  /** {@link #require(JsonNode, String, String, String)} for a path that may read {@code $$}. */
  public static JsonNode require(JsonNode input, JsonNode context, String path, String error) {
    JsonNode document = documentOf(input, context, path);
    return read(input, context, path)
        .orElseThrow(
            () ->
                new StatesError(
                    error, "Invalid path '" + path + "' : " + missingReason(document, path)));
  }

  /**
   * The value at {@code path}, or a {@link StatesError} named {@code error} worded as Step
   * Functions words a missing InputPath or OutputPath: {@code Invalid path '$.x' : No results for
   * path: $['x']}.
   *
   * @param what unused; kept for callers written against the older signature
   */
  public static JsonNode require(JsonNode document, String path, String error, String what) {
    return read(document, path)
        .orElseThrow(
            () ->
                new StatesError(
                    error, "Invalid path '" + path + "' : " + missingReason(document, path)));
  }
}
