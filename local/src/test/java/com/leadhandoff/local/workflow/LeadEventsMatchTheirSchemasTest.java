package com.leadhandoff.local.workflow;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check that fails any workflow test whose lead events break their schemas, as it ends. */
class LeadEventsMatchTheirSchemasTest {
  private final LeadHandoffRuntime local = LeadHandoffRuntime.fresh();

  @Test
  void aLeadEventBreakingItsSchema_failsTheTestThatPublishedIt_andIsNotBlamedOnTheNext() {
    // GIVEN a "Lead Scored" event without its points, put on a bus through the local PutEvents
    putLeadEvent("Lead Scored", "{\"version\":\"1\",\"leadId\":\"lead-x\"}");

    // WHEN the check runs, as it does after each test
    AssertionError e =
        assertThrows(
            AssertionError.class, () -> LeadHandoffRuntime.checkEventsIfStarted("a bad test"));

    // THEN it names the event and the test; the events are forgotten, so checking again passes
    assertTrue(e.getMessage().contains("Lead Scored"), e.getMessage());
    assertTrue(e.getMessage().contains("a bad test"), e.getMessage());
    assertDoesNotThrow(() -> LeadHandoffRuntime.checkEventsIfStarted("the next test"));
  }

  @Test
  void leadEventsOfARealLead_passTheCheck() {
    // GIVEN a lead handed to a rep, publishing received, scored and offered
    local.submit(LeadHandoffRuntime.demoRequest("Checked"));
    assertEquals(3, local.runtime.eventBuses().newestFirst().size());

    // WHEN the check runs
    // THEN it passes
    assertDoesNotThrow(() -> LeadHandoffRuntime.checkEventsIfStarted("this test"));
  }

  @Test
  void theCheck_runsAfterEveryTestOfTheModule_byJUnitsExtensionAutoDetection() throws Exception {
    // GIVEN the extensions JUnit finds on the test class path, and its configuration
    List<Class<?>> found =
        java.util.ServiceLoader.load(org.junit.jupiter.api.extension.Extension.class).stream()
            .map(java.util.ServiceLoader.Provider::type)
            .collect(java.util.stream.Collectors.toList());
    java.util.Properties junit = new java.util.Properties();
    try (var in = getClass().getResourceAsStream("/junit-platform.properties")) {
      junit.load(in);
    }

    // WHEN JUnit starts
    // THEN it detects extensions and finds the check among them
    assertEquals("true", junit.getProperty("junit.jupiter.extensions.autodetection.enabled"));
    assertTrue(found.contains(LeadEventsMatchTheirSchemas.class), found.toString());
  }

  private void putLeadEvent(String detailType, String detail) {
    ObjectNode entry =
        Json.MAPPER
            .createObjectNode()
            .put("EventBusName", "default")
            .put("Source", "lead-handoff")
            .put("DetailType", detailType)
            .put("Detail", detail);
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putArray("Entries").add(entry);
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(local.runtime.baseUrl().resolve("/_aws/events"))
            .header("X-Amz-Target", "AWSEvents.PutEvents")
            .header("Content-Type", "application/x-amz-json-1.1")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    try {
      var response =
          java.net.http.HttpClient.newHttpClient()
              .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      assertEquals(
          List.of(0),
          List.of(Json.MAPPER.readTree(response.body()).get("FailedEntryCount").asInt()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
