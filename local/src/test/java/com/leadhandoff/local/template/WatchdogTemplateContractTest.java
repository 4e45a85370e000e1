package com.leadhandoff.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.Projects;
import com.leadhandoff.local.events.EventPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the template promises about the watchdog: one function, triggered by an EventBridge rule on
 * this state machine's bad endings and by a Scheduler schedule every 5 minutes by default, with
 * least-privilege SAM policy templates; and the sparse index it reads.
 */
class WatchdogTemplateContractTest {
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

  private Map<String, Object> watchdog() {
    return at(template, "Resources", "WatchdogFunction", "Properties");
  }

  @Test
  void rule_matchesThisStateMachinesFailedTimedOutAndAbortedExecutions() {
    Map<String, Object> event = at(watchdog(), "Events", "ExecutionEndedBadly");
    assertEquals("EventBridgeRule", event.get("Type"));
    Map<String, Object> pattern = at(event, "Properties", "Pattern");
    assertEquals(List.of("aws.states"), pattern.get("source"));
    assertEquals(List.of("Step Functions Execution Status Change"), pattern.get("detail-type"));
    Map<String, Object> detail = at(pattern, "detail");
    assertEquals(List.of("FAILED", "TIMED_OUT", "ABORTED"), detail.get("status"));
    assertEquals(List.of(Map.of("Ref", "LeadHandoffStateMachine")), detail.get("stateMachineArn"));
  }

  @Test
  void rule_asTheLocalRuntimeReadsIt_matchesOnlyThisMachinesBadEndings() {
    List<EventRule> watchdogRules =
        read.eventRules().stream()
            .filter(r -> r.functionName().equals("WatchdogFunction"))
            .toList();
    assertEquals(1, watchdogRules.size());
    EventRule rule = watchdogRules.get(0);
    assertEquals("WatchdogFunction", rule.functionName());
    assertEquals(Optional.empty(), rule.input(), "the rule sends the whole event");
    String machine = read.stateMachines().get(0).arn();
    EventPattern pattern = EventPattern.of(rule.pattern());

    assertTrue(pattern.matches(statusChange(machine, "FAILED")));
    assertTrue(pattern.matches(statusChange(machine, "TIMED_OUT")));
    assertTrue(pattern.matches(statusChange(machine, "ABORTED")));
    assertFalse(pattern.matches(statusChange(machine, "SUCCEEDED")));
    assertFalse(pattern.matches(statusChange(machine, "RUNNING")));
    assertFalse(pattern.matches(statusChange(machine + "-other", "FAILED")));
  }

  @Test
  void schedule_sweepsEveryFiveMinutesByDefault_throughAParameter() throws Exception {
    Map<String, Object> event = at(watchdog(), "Events", "Sweep");
    assertEquals("ScheduleV2", event.get("Type"));
    Map<String, Object> properties = at(event, "Properties");
    assertEquals(Map.of("Ref", "WatchdogSchedule"), properties.get("ScheduleExpression"));
    assertEquals("rate(5 minutes)", at(template, "Parameters", "WatchdogSchedule").get("Default"));
    assertEquals(
        Map.of("watchdog", "sweep"),
        new ObjectMapper().readValue((String) properties.get("Input"), Map.class));
    List<Schedule> watchdogs =
        read.schedules().stream().filter(x -> x.functionName().equals("WatchdogFunction")).toList();
    assertEquals(1, watchdogs.size());
    Schedule schedule = watchdogs.get(0);
    assertEquals("rate(5 minutes)", schedule.expression());
    assertTrue(schedule.enabled());
  }

  @Test
  @SuppressWarnings("unchecked")
  void policies_areLeastPrivilegeSamTemplates() {
    List<String> granted = new ArrayList<>();
    for (Object policy : (List<Object>) watchdog().get("Policies")) {
      Map<String, Object> p = (Map<String, Object>) policy;
      if (p.containsKey("Statement")) {
        granted.add("Statement " + p.get("Statement"));
        continue;
      }
      if (p.containsKey("Ref")) {
        granted.add("Ref " + p.get("Ref"));
        continue;
      }
      String name = p.keySet().iterator().next();
      Map<String, Object> args = (Map<String, Object>) p.get(name);
      Object target =
          args.containsKey("TableName")
              ? args.get("TableName")
              : args.containsKey("IdentityName")
                  ? args.get("IdentityName")
                  : args.containsKey("EventBusName")
                      ? args.get("EventBusName")
                      : args.get("StateMachineName");
      granted.add(name + " " + target);
    }
    assertEquals(
        Set.of(
            "DynamoDBCrudPolicy {Ref=LeadsTable}",
            "DynamoDBCrudPolicy {Ref=OffersTable}",
            "DynamoDBCrudPolicy {Ref=RepsTable}",
            "DynamoDBCrudPolicy {Ref=HistoryTable}",
            "DynamoDBWritePolicy {Ref=AddressClaimsTable}",
            "Ref SendEmailPolicy",
            "EventBridgePutEventsPolicy {Ref=LeadEventsBus}",
            "StepFunctionsExecutionPolicy {Fn::GetAtt=[LeadHandoffStateMachine, Name]}",
            "Statement [{Effect=Allow, Action=states:StopExecution, Resource={Fn::Sub=["
                + "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:"
                + "${MachineName}:*, {MachineName={Fn::GetAtt=[LeadHandoffStateMachine, Name]}}]}}]"),
        Set.copyOf(granted));
    assertEquals(granted.size(), Set.copyOf(granted).size(), "no policy twice");
  }

  @Test
  @SuppressWarnings("unchecked")
  void leadsTable_hasTheSparseIndexTheSweepReads() {
    List<Object> indexes =
        (List<Object>)
            at(template, "Resources", "LeadsTable", "Properties").get("GlobalSecondaryIndexes");
    Map<String, Object> byOpenStatus =
        indexes.stream()
            .map(i -> (Map<String, Object>) i)
            .filter(i -> "byOpenStatus".equals(i.get("IndexName")))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of(
            Map.of("AttributeName", "openStatus", "KeyType", "HASH"),
            Map.of("AttributeName", "receivedAt", "KeyType", "RANGE")),
        byOpenStatus.get("KeySchema"));
  }

  private static ObjectNode statusChange(String stateMachineArn, String status) {
    ObjectNode event = new ObjectMapper().createObjectNode();
    event.put("source", "aws.states");
    event.put("detail-type", "Step Functions Execution Status Change");
    event.putObject("detail").put("stateMachineArn", stateMachineArn).put("status", status);
    return event;
  }
}
