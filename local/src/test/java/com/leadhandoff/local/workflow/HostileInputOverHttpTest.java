package com.leadhandoff.local.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.workflow.LeadHandoffRuntime.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile or badly encoded posts to {@code POST /leads} over HTTP on localhost, through the local
 * API Gateway into the real intake function: each gets a clear 4xx and starts no workflow, or is
 * read exactly as the client sent it.
 */
class HostileInputOverHttpTest {
  private final LeadHandoffRuntime local = LeadHandoffRuntime.fresh();

  @Test
  void formRedirectToAnotherSite_is400NamingRedirect_andStartsNoWorkflow() {
    int executions = local.executionCount();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("email", LeadHandoffRuntime.email("Phish"));
    fields.put("lastName", "Phish");
    fields.put("redirect", "https://evil.example/phish");

    Response posted = local.postForm("/leads", fields);
    local.settle();

    assertEquals(400, posted.status(), posted.body());
    assertEquals(null, posted.headers().get("location"));
    JsonNode error = posted.json();
    assertEquals("redirect", error.get("errors").get(0).get("field").asText());
    assertEquals(executions, local.executionCount());
  }

  @Test
  void jsonInIso88591_isStoredAsTheProspectTypedIt() {
    byte[] body =
        ("{\"email\":\""
                + LeadHandoffRuntime.email("Mueller")
                + "\",\"firstName\":\"J\u00fcrgen\",\"lastName\":\"M\u00fcller\"}")
            .getBytes(StandardCharsets.ISO_8859_1);

    Response posted = local.post("/leads", "application/json; charset=ISO-8859-1", body);
    local.settle();

    assertEquals(202, posted.status(), posted.body());
    String leadId = posted.json().get("leadId").asText();
    assertEquals("J\u00fcrgen", local.lead(leadId).submission().firstName());
  }

  @Test
  void invalidUtf8_is400_andStartsNoWorkflow() {
    int executions = local.executionCount();
    byte[] body =
        "{\"email\":\"bytes@example.org\",\"firstName\":\"J\u00fcrgen\"}"
            .getBytes(StandardCharsets.ISO_8859_1);

    Response posted = local.post("/leads", "application/json", body);
    local.settle();

    assertEquals(400, posted.status(), posted.body());
    assertTrue(posted.json().get("message").asText().contains("UTF-8"), posted.body());
    assertEquals(executions, local.executionCount());
  }
}
