package com.leadhandoff.local;

import com.leadhandoff.events.EventType;
import com.leadhandoff.events.LeadEventCatalog;
import com.leadhandoff.local.eventbridge.BusEvent;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lead event schemas committed in {@code schemas/events/}, checked with networknt's JSON Schema
 * validator (draft 2020-12, formats such as {@code date-time} asserted, not just annotated).
 */
public final class EventSchemas {
  /** Where the schemas are, in the repository. */
  public static final Path FOLDER = Projects.root().resolve("schemas/events");

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private EventSchemas() {}

  /** The schema of a detail-type, read from its file. */
  public static Schema of(EventType type) {
    return SCHEMAS.computeIfAbsent(
        type.schemaFile(),
        file -> {
          try {
            return REGISTRY.getSchema(Files.readString(FOLDER.resolve(file)), InputFormat.JSON);
          } catch (IOException e) {
            throw new UncheckedIOException("No schema " + file + " for " + type.detailType(), e);
          }
        });
  }

  /** What is wrong with the detail of a JSON text against the schema of {@code type}. */
  public static List<String> problems(EventType type, String detailJson) {
    List<Error> errors =
        of(type)
            .validate(
                detailJson,
                InputFormat.JSON,
                (context, schemaContext) ->
                    context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    return errors.stream().map(e -> type.schemaFile() + ": " + e.getMessage()).toList();
  }

  /**
   * What is wrong with these events: a lead event (source {@code lead-handoff}) whose detail-type
   * has no schema, or whose detail breaks its schema. Other sources are not ours to check.
   */
  public static List<String> problems(List<BusEvent> events) {
    List<String> problems = new ArrayList<>();
    for (BusEvent event : events) {
      problems.addAll(problems(event.source(), event.detailType(), event.detail().toString()));
    }
    return problems;
  }

  /**
   * The same for events as EventBridge delivers them (the local UI's {@code events.json}), e.g.
   * read from a runtime in another process.
   *
   * @param envelopes a JSON array of envelopes with {@code source}, {@code detail-type} and {@code
   *     detail}
   */
  public static List<String> problemsOfEnvelopes(
      com.fasterxml.jackson.databind.JsonNode envelopes) {
    List<String> problems = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode e : envelopes) {
      problems.addAll(
          problems(
              e.path("source").asText(),
              e.path("detail-type").asText(),
              e.path("detail").toString()));
    }
    return problems;
  }

  private static List<String> problems(String source, String detailType, String detail) {
    if (!source.equals(LeadEventCatalog.SOURCE)) {
      return List.of();
    }
    EventType type =
        LeadEventCatalog.TYPES.stream()
            .filter(t -> t.detailType().equals(detailType))
            .findFirst()
            .orElse(null);
    if (type == null) {
      return List.of(detailType + " has no schema");
    }
    return problems(type, detail).stream().map(p -> detailType + " " + detail + ": " + p).toList();
  }
}
