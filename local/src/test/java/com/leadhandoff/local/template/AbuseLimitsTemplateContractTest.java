package com.leadhandoff.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.intake.IntakeService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public form post is limited before the function runs: API Gateway throttles it by parameters,
 * the intake function's concurrency is reserved and capped, and its body limit sits far below the
 * one HTTP API enforces.
 */
class AbuseLimitsTemplateContractTest {
  private final TemplateTree tree = new TemplateTree();

  @Test
  void postLeads_isThrottledByItsOwnParameters() {
    // GIVEN the intake route's event
    Map<String, Object> event =
        tree.map("Resources", "IntakeFunction", "Properties", "Events", "PostLead", "Properties");

    // THEN its route settings throttle it, by parameters with sane defaults
    assertEquals("/leads", event.get("Path"));
    assertEquals("POST", event.get("Method"));
    assertEquals(
        Map.of(
            "ThrottlingBurstLimit", Map.of("Ref", "LeadsBurstLimit"),
            "ThrottlingRateLimit", Map.of("Ref", "LeadsRateLimit")),
        event.get("RouteSettings"));
    for (String parameter : List.of("LeadsBurstLimit", "LeadsRateLimit")) {
      assertEquals("Number", tree.at(tree.root, "Parameters", parameter, "Type"), parameter);
      assertEquals(1, tree.at(tree.root, "Parameters", parameter, "MinValue"), parameter);
    }
  }

  @Test
  void everyOtherRoute_isThrottledByTheApisDefaults() {
    assertEquals(
        Map.of(
            "ThrottlingBurstLimit", Map.of("Ref", "ApiBurstLimit"),
            "ThrottlingRateLimit", Map.of("Ref", "ApiRateLimit")),
        tree.at(tree.properties("LeadApi"), "DefaultRouteSettings"));
  }

  @Test
  void intake_hasReservedConcurrency_unlessSetToZero() {
    assertEquals(
        Map.of(
            "Fn::If",
            List.of(
                "HasIntakeReservedConcurrency",
                Map.of("Ref", "IntakeReservedConcurrency"),
                Map.of("Ref", "AWS::NoValue"))),
        tree.properties("IntakeFunction").get("ReservedConcurrentExecutions"));
    assertEquals(10, tree.at(tree.root, "Parameters", "IntakeReservedConcurrency", "Default"));
  }

  @Test
  void intakesBodyLimit_isFarBelowHttpApisFixedPayloadQuota_andDocumented() {
    // HTTP API's payload quota is 10 MB and cannot be lowered or raised (API Gateway developer
    // guide, "Quotas for configuring and running an HTTP API"): the function's limit is the one.
    assertTrue(IntakeService.MAX_BODY_BYTES <= 64 * 1024);
    String deploy = TemplateTree.read("docs/deploy.md");
    assertTrue(deploy.contains("10 MB") && deploy.contains("64 KiB"), "docs/deploy.md says so");
  }
}
