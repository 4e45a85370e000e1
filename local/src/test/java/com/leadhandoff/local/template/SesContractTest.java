package com.leadhandoff.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.Projects;
import com.leadhandoff.local.events.EventPattern;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What {@code template.yaml} promises about email (docs/email.md): every send goes through one
 * configuration set whose bounces and complaints reach EmailFeedbackFunction, the send permission
 * is SendEmail alone on the sending identity (address or domain) and the configuration set, and the
 * functions that write to prospects can issue unsubscribe links.
 */
class SesContractTest {
  private final Map<String, Object> template =
      CloudFormationYaml.load(Projects.root().resolve("template.yaml"));
  private final Template read = Template.read(Projects.root().resolve("template.yaml"), Map.of());

  @SuppressWarnings("unchecked")
  private Map<String, Object> at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current = ((Map<String, Object>) current).get(key);
      assertTrue(current != null, "missing " + String.join(".", path) + " at " + key);
    }
    return (Map<String, Object>) current;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> resources() {
    return (Map<String, Map<String, Object>>) template.get("Resources");
  }

  @Test
  void everyFunction_sendsThroughTheConfigurationSet() {
    Map<String, Object> variables = at(template, "Globals", "Function", "Environment", "Variables");
    assertEquals(Map.of("Ref", "EmailConfigurationSet"), variables.get("EMAIL_CONFIGURATION_SET"));
    assertEquals(
        "AWS::SES::ConfigurationSet", resources().get("EmailConfigurationSet").get("Type"));
  }

  @Test
  void bouncesAndComplaints_goToTheDefaultBus() {
    Map<String, Object> destination = at(resources(), "EmailEventsToEventBridge", "Properties");
    assertEquals(Map.of("Ref", "EmailConfigurationSet"), destination.get("ConfigurationSetName"));
    Map<String, Object> event = at(destination, "EventDestination");
    assertEquals(List.of("BOUNCE", "COMPLAINT"), event.get("MatchingEventTypes"));
    assertEquals(true, event.get("Enabled"));
    assertTrue(
        at(event, "EventBridgeDestination")
            .get("EventBusArn")
            .toString()
            .contains(":event-bus/default"),
        "SES event destinations can only name the default bus");
  }

  @Test
  void theRule_asTheLocalRuntimeReadsIt_takesOnlyThisConfigurationSetsBouncesAndComplaints() {
    EventRule rule =
        read.eventRules().stream()
            .filter(r -> r.functionName().equals("EmailFeedbackFunction"))
            .findFirst()
            .orElseThrow();
    EventPattern pattern = EventPattern.of(rule.pattern());
    String set =
        read.functions().stream()
            .filter(f -> f.name().equals("EmailFeedbackFunction"))
            .findFirst()
            .orElseThrow()
            .environment()
            .get("EMAIL_CONFIGURATION_SET");
    assertTrue(pattern.matches(event("Email Bounced", set)));
    assertTrue(pattern.matches(event("Email Complaint Received", set)));
    assertFalse(pattern.matches(event("Email Delivered", set)), "deliveries are not handled");
    assertFalse(pattern.matches(event("Email Bounced", "another-stacks-set")));
  }

  @Test
  void theLocalRuntime_raisesNoNoteAboutTheEmailResources() {
    assertTrue(
        read.warnings().stream()
            .noneMatch(
                w ->
                    w.contains("EmailConfigurationSet")
                        || w.contains("EmailEventsToEventBridge")
                        || w.contains("SendEmailPolicy")),
        read.warnings().toString());
  }

  @Test
  @SuppressWarnings("unchecked")
  void sendPermission_isSendEmailOnTheSendingIdentityAndTheConfigurationSet_only() {
    Map<String, Object> policy = at(resources(), "SendEmailPolicy", "Properties", "PolicyDocument");
    List<Map<String, Object>> statements = (List<Map<String, Object>>) policy.get("Statement");
    assertEquals(1, statements.size());
    Map<String, Object> statement = statements.get(0);
    assertEquals("ses:SendEmail", statement.get("Action"));
    String resources = statement.get("Resource").toString();
    // A domain identity works: the identity is SendingIdentity when given, else SenderAddress.
    assertTrue(resources.contains(":identity/${Identity}"), resources);
    assertTrue(
        resources.contains(
            "Fn::If=[SendingIdentityGiven, {Ref=SendingIdentity}, {Ref=SenderAddress}]"),
        resources);
    assertTrue(resources.contains(":configuration-set/${EmailConfigurationSet}"), resources);
    assertFalse(resources.contains("*"), "no wildcard resource");
    // Every function that sends uses it, and no function keeps the old SESCrudPolicy.
    String text = template.toString();
    assertFalse(text.contains("SESCrudPolicy"), "SESCrudPolicy grants more than SendEmail");
  }

  @Test
  @SuppressWarnings("unchecked")
  void functionsWritingToProspects_issueUnsubscribeLinks_andTheLinksHaveTheirRoutes() {
    for (String function : List.of("TakeInLeadFunction", "FollowUpFunction")) {
      Map<String, Object> p = at(resources(), function, "Properties");
      assertEquals(
          Map.of("Ref", "UnsubscribesTable"),
          at(p, "Environment", "Variables").get("UNSUBSCRIBES_TABLE"),
          function);
      assertTrue(
          p.get("Policies")
              .toString()
              .contains("DynamoDBCrudPolicy={TableName={Ref=UnsubscribesTable}}"),
          function + " may write the link hashes");
    }
    TreeSet<String> routes = new TreeSet<>();
    read.routes().forEach(r -> routes.add(r.method() + " " + r.path() + " " + r.functionName()));
    assertTrue(routes.contains("GET /unsubscribe/{token} UnsubscribeFunction"), routes.toString());
    assertTrue(routes.contains("POST /unsubscribe/{token} UnsubscribeFunction"), routes.toString());
  }

  private static JsonNode event(String detailType, String configurationSet) {
    try {
      return Json.MAPPER.readTree(
          "{\"source\": \"aws.ses\", \"detail-type\": \""
              + detailType
              + "\", \"detail\": {\"mail\": {\"tags\": {\"ses:configuration-set\": [\""
              + configurationSet
              + "\"]}}}}");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
