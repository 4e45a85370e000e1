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
      if (!event.source().equals(LeadEventCatalog.SOURCE)) {
        continue;
      }
      EventType type =
          LeadEventCatalog.TYPES.stream()
              .filter(t -> t.detailType().equals(event.detailType()))
              .findFirst()
              .orElse(null);
      if (type == null) {
        problems.add(event.detailType() + " has no schema");
        continue;
      }
      problems(type, event.detail().toString())
          .forEach(p -> problems.add(event.detailType() + " " + event.detail() + ": " + p));
    }
    return problems;
  }
}
