package com.leadhandoff.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.testing.Fixtures;
import java.util.Map;

/** Admin API events: a fixture of {@code events/} with another route, rep or body. */
final class AdminEvents {
  private AdminEvents() {}

  /** {@code fixture} as it is. */
  static APIGatewayV2HTTPEvent fixture(String fixture) {
    try {
      return Json.MAPPER.readValue(Fixtures.event(fixture), APIGatewayV2HTTPEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code events/admin-put-rep.json} sent to {@code routeKey} for rep {@code repId} with {@code
   * body} (null for none).
   */
  static APIGatewayV2HTTPEvent rep(String routeKey, String repId, String body) {
    APIGatewayV2HTTPEvent event = fixture("admin-put-rep.json");
    event.setRouteKey(routeKey);
    event.setPathParameters(repId == null ? null : Map.of("repId", repId));
    event.setBody(body);
    return event;
  }

  /** {@code events/admin-dry-run.json} with {@code body}. */
  static APIGatewayV2HTTPEvent dryRun(String body) {
    APIGatewayV2HTTPEvent event = fixture("admin-dry-run.json");
    event.setBody(body);
    return event;
  }

  /** {@code fields} as a JSON object text. */
  static String json(Map<String, ?> fields) {
    try {
      return Json.MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JSON object to edit in a test. */
  static ObjectNode object(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
