package com.leadhandoff.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.events.EventField;
import com.leadhandoff.events.EventType;
import com.leadhandoff.events.LeadEventCatalog;
import com.leadhandoff.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed schemas in {@code schemas/events/} and the events the functions make agree. */
class LeadEventSchemasTest {
  @Test
  void everyDetailType_hasOneSchemaFile_andEveryFileADetailType() throws IOException {
    // GIVEN the catalog and the schema folder
    Set<String> expected = new TreeSet<>();
    LeadEventCatalog.TYPES.forEach(t -> expected.add(t.schemaFile()));

    // WHEN the folder is listed
    Set<String> files = new TreeSet<>();
    try (Stream<java.nio.file.Path> list = Files.list(EventSchemas.FOLDER)) {
      list.forEach(p -> files.add(p.getFileName().toString()));
    }

    // THEN they are the same set
    assertEquals(expected, files);
  }

  @Test
  void everySchema_isDraft2020_12_andRequiresWhatTheCatalogAlwaysSends() throws IOException {
    for (EventType type : LeadEventCatalog.TYPES) {
      // GIVEN a type's schema
      JsonNode schema =
          Json.MAPPER.readTree(EventSchemas.FOLDER.resolve(type.schemaFile()).toFile());

      // WHEN its required list is read
      Set<String> required = new TreeSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));

      // THEN it names the catalog's required fields and the common ones, and nothing else
      Set<String> expected = new TreeSet<>(Set.of("version", "leadId", "occurredAt", "summary"));
      type.fields().stream().filter(EventField::required).forEach(f -> expected.add(f.name()));
      assertEquals(expected, required, type.schemaFile());
      assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
      assertEquals(type.detailType(), schema.path("title").asText());
      assertEquals(
          String.valueOf(type.version()),
          schema.path("properties").path("version").path("const").asText());
    }
  }

  @Test
  void schema_rejectsADetailThatBreaksIt() {
    // GIVEN a Lead Offered detail with its deadline not a date-time and attempt as text
    EventType offered =
        LeadEventCatalog.TYPES.stream()
            .filter(t -> t.detailType().equals("Lead Offered"))
            .findFirst()
            .orElseThrow();
    ObjectNode detail = Json.MAPPER.createObjectNode();
    detail.put("version", "1").put("leadId", "lead-1").put("occurredAt", "2026-11-23T09:00:00Z");
    detail.put("summary", "Offered to Ana").put("offerId", "o1").put("attempt", "one");
    detail.put("repId", "ana").put("teamId", "inbound").put("repName", "Ana");
    detail.put("deadline", "tomorrow");

    // WHEN it is validated
    List<String> problems = EventSchemas.problems(offered, detail.toString());

    // THEN both faults are reported
    assertEquals(2, problems.size(), problems.toString());
  }
}
