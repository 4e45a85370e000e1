package com.leadhandoff.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.local.Projects;
import com.leadhandoff.local.events.Schedules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the template promises about the weekly digest: one function on an hourly Scheduler schedule
 * (it works out itself which teams' Monday 08:00 has come), reading SLA facts only, with its claims
 * table.
 */
class DigestTemplateContractTest {
  private final Map<String, Object> template =
      CloudFormationYaml.load(Projects.root().resolve("template.yaml"));
  private final Template read = Template.read(Projects.root().resolve("template.yaml"), Map.of());

  @SuppressWarnings("unchecked")
  private Map<String, Object> at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current = ((Map<String, Object>) current).get(key);
    }
    return (Map<String, Object>) current;
  }

  private Map<String, Object> digest() {
    return at(template, "Resources", "DigestFunction", "Properties");
  }

  @Test
  void schedule_runsHourlyByDefault_throughAParameter_withTheWeeklyInput() throws Exception {
    Map<String, Object> event = at(digest(), "Events", "Weekly");
    assertEquals("ScheduleV2", event.get("Type"));
    Map<String, Object> properties = at(event, "Properties");
    assertEquals(Map.of("Ref", "DigestSchedule"), properties.get("ScheduleExpression"));
    assertEquals("rate(1 hour)", at(template, "Parameters", "DigestSchedule").get("Default"));
    assertEquals(
        Map.of("digest", "weekly"),
        new ObjectMapper().readValue((String) properties.get("Input"), Map.class));
    assertEquals("com.leadhandoff.digest.DigestHandler::handleRequest", digest().get("Handler"));
  }

  @Test
  void schedule_asTheLocalRuntimeReadsIt_firesEveryHour() {
    Schedule schedule =
        read.schedules().stream()
            .filter(s -> s.functionName().equals("DigestFunction"))
            .findFirst()
            .orElseThrow();

    assertEquals(Optional.of(Duration.ofHours(1)), Schedules.rate(schedule.expression()));
    assertTrue(schedule.enabled());
    assertEquals(Optional.of("{\"digest\": \"weekly\"}"), schedule.input());
  }

  @Test
  @SuppressWarnings("unchecked")
  void policies_readTheFactsAndTeams_writeOnlyItsClaims_andSendMail() {
    List<String> granted = new ArrayList<>();
    for (Object policy : (List<Object>) digest().get("Policies")) {
      Map<String, Object> p = (Map<String, Object>) policy;
      if (p.equals(Map.of("Ref", "SendEmailPolicy"))) {
        granted.add("SendEmailPolicy");
        continue;
      }
      String name = p.keySet().iterator().next();
      Map<String, Object> args = (Map<String, Object>) p.get(name);
      granted.add(
          name
              + " "
              + (args.containsKey("TableName") ? args.get("TableName") : args.get("IdentityName")));
    }
    assertEquals(
        Set.of(
            "DynamoDBReadPolicy {Ref=SlaFactsTable}",
            "DynamoDBReadPolicy {Ref=TeamsTable}",
            "DynamoDBCrudPolicy {Ref=DigestClaimsTable}",
            "SendEmailPolicy"),
        Set.copyOf(granted));
    assertEquals(4, granted.size());
    Map<String, Object> variables = at(digest(), "Environment", "Variables");
    assertEquals(Map.of("Ref", "SlaFactsTable"), variables.get("SLA_FACTS_TABLE"));
    assertEquals(Map.of("Ref", "DigestClaimsTable"), variables.get("DIGEST_CLAIMS_TABLE"));
  }

  @Test
  void claimsTable_isKeyedByClaimId_andExpires() {
    Map<String, Object> table = at(template, "Resources", "DigestClaimsTable", "Properties");
    assertEquals(
        List.of(Map.of("AttributeName", "claimId", "KeyType", "HASH")), table.get("KeySchema"));
    assertEquals(
        Map.of("AttributeName", "expiresAt", "Enabled", true),
        table.get("TimeToLiveSpecification"));
  }
}
