package com.leadhandoff.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.metrics.LeadMetric;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What {@code docs/deploy.md} promises the team that runs the stack: alarms to one topic, logs with
 * retention everywhere, tracing, the workflow's and the API's logs, tables that outlive the stack
 * and a directory seed that re-runs when its package changes.
 */
class OperationsTemplateContractTest {
  private static final Map<String, Object> TOPIC = Map.of("Ref", "AlarmTopic");
  private static final Map<String, Object> RETENTION = Map.of("Ref", "LogRetentionDays");
  private final TemplateTree tree = new TemplateTree();

  @Test
  void everyFunction_logsToItsOwnGroup_keptLogRetentionDays() {
    for (String function : tree.ofType("AWS::Serverless::Function").keySet()) {
      // GIVEN the log group the function names
      Object group = tree.at(tree.properties(function), "LoggingConfig", "LogGroup");
      assertEquals(Map.of("Ref", function + "LogGroup"), group, function);

      // THEN it is declared, with the retention parameter
      Map<String, Object> declared = tree.map("Resources", function + "LogGroup");
      assertEquals("AWS::Logs::LogGroup", declared.get("Type"), function);
      assertEquals(RETENTION, tree.at(declared, "Properties", "RetentionInDays"), function);
    }
  }

  @Test
  void everyLogGroup_hasRetention_andThereIsNoOtherWayToLog() {
    Map<String, Map<String, Object>> groups = tree.ofType("AWS::Logs::LogGroup");
    assertEquals(tree.ofType("AWS::Serverless::Function").size() + 2, groups.size());
    groups.forEach(
        (id, g) -> assertEquals(RETENTION, tree.at(g, "Properties", "RetentionInDays"), id));
  }

  @Test
  void everyFunction_hasAnAlarmOnItsErrorsAndThrottles() {
    for (String function : tree.ofType("AWS::Serverless::Function").keySet()) {
      Map<String, Object> alarm = tree.properties(function + "ErrorsAlarm");
      String metrics = String.valueOf(alarm.get("Metrics"));
      assertTrue(metrics.contains("MetricName=Errors"), function + ": " + metrics);
      assertTrue(metrics.contains("MetricName=Throttles"), function + ": " + metrics);
      assertTrue(metrics.contains("Value={Ref=" + function + "}"), function + ": " + metrics);
      assertTrue(metrics.contains("Expression=FILL(errors, 0) + FILL(throttles, 0)"), metrics);
    }
  }

  @Test
  void failedTimedOutAndAbortedExecutions_eachRaiseAnAlarm() {
    for (String metric : List.of("ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted")) {
      Map<String, Object> alarm = tree.properties(metric + "Alarm");
      assertEquals("AWS/States", alarm.get("Namespace"), metric);
      assertEquals(metric, alarm.get("MetricName"));
      assertEquals(
          List.of(
              Map.of("Name", "StateMachineArn", "Value", Map.of("Ref", "LeadHandoffStateMachine"))),
          alarm.get("Dimensions"));
      assertEquals(1, alarm.get("Threshold"), metric);
    }
  }

  @Test
  void aParkedLead_raisesAnAlarm_onTheMetricTheFunctionsEmit() {
    Map<String, Object> alarm = tree.properties("LeadsParkedAlarm");
    assertEquals(Map.of("Ref", "MetricsNamespace"), alarm.get("Namespace"));
    assertEquals(LeadMetric.Name.LEADS_PARKED.metricName(), alarm.get("MetricName"));
    assertEquals(null, alarm.get("Dimensions"), "the dimensionless series every parking counts in");
  }

  @Test
  void sesBounceAndComplaintRates_raiseAlarms_beforeAwsReviewsTheAccount() {
    Map<String, Object> bounce = tree.properties("SesBounceRateAlarm");
    Map<String, Object> complaint = tree.properties("SesComplaintRateAlarm");
    assertEquals("AWS/SES", bounce.get("Namespace"));
    assertEquals("Reputation.BounceRate", bounce.get("MetricName"));
    assertTrue(((Number) bounce.get("Threshold")).doubleValue() < 0.05);
    assertEquals("AWS/SES", complaint.get("Namespace"));
    assertEquals("Reputation.ComplaintRate", complaint.get("MetricName"));
    assertTrue(((Number) complaint.get("Threshold")).doubleValue() < 0.001);
  }

  @Test
  void everyAlarm_notifiesTheTopic_whichAnOptionalEmailSubscribes() {
    Map<String, Map<String, Object>> alarms = tree.ofType("AWS::CloudWatch::Alarm");
    assertTrue(alarms.size() >= tree.ofType("AWS::Serverless::Function").size() + 6);
    alarms.forEach(
        (id, a) -> {
          assertEquals(List.of(TOPIC), tree.at(a, "Properties", "AlarmActions"), id);
          assertEquals("notBreaching", tree.at(a, "Properties", "TreatMissingData"), id);
        });
    Map<String, Object> subscription = tree.map("Resources", "AlarmEmailSubscription");
    assertEquals("HasAlarmEmail", subscription.get("Condition"));
    assertEquals(TOPIC, tree.at(subscription, "Properties", "TopicArn"));
    assertEquals("email", tree.at(subscription, "Properties", "Protocol"));
    assertEquals("", tree.at(tree.root, "Parameters", "AlarmEmail", "Default"));
    assertTrue(tree.map("Outputs").containsKey("AlarmTopicArn"));
  }

  @Test
  void functionsAndTheStateMachine_areTraced() {
    assertEquals("Active", tree.at(tree.root, "Globals", "Function", "Tracing"));
    tree.ofType("AWS::Serverless::Function")
        .forEach((id, f) -> assertEquals(null, tree.at(f, "Properties", "Tracing"), id));
    assertEquals(true, tree.at(tree.properties("LeadHandoffStateMachine"), "Tracing", "Enabled"));
  }

  @Test
  void stateMachine_logsErrorsOnly_withoutExecutionData() {
    Map<String, Object> logging =
        tree.map("Resources", "LeadHandoffStateMachine", "Properties", "Logging");
    assertEquals("ERROR", logging.get("Level"));
    assertEquals(false, logging.get("IncludeExecutionData"), "inputs carry personal data");
    assertEquals(
        Map.of("Fn::GetAtt", List.of("StateMachineLogGroup", "Arn")),
        tree.at(
            tree.list(logging, "Destinations").get(0), "CloudWatchLogsLogGroup", "LogGroupArn"));
  }

  @Test
  void httpApi_writesAccessLogs_withoutPathsThatHoldTokens() {
    Map<String, Object> settings =
        tree.map("Resources", "LeadApi", "Properties", "AccessLogSettings");
    assertEquals(
        Map.of("Fn::GetAtt", List.of("ApiAccessLogGroup", "Arn")), settings.get("DestinationArn"));
    String format = (String) settings.get("Format");
    assertTrue(format.startsWith("{") && format.contains("$context.requestId"), format);
    assertTrue(format.contains("$context.routeKey") && format.contains("$context.status"), format);
    assertFalse(format.contains("$context.path"), "an offer's path holds its secret token");
  }

  @Test
  void everyTable_isRetained_onDeleteAndOnReplacement() {
    Map<String, Map<String, Object>> tables = tree.ofType("AWS::DynamoDB::Table");
    assertFalse(tables.isEmpty());
    tables.forEach(
        (id, t) -> {
          assertEquals("Retain", t.get("DeletionPolicy"), id);
          assertEquals("Retain", t.get("UpdateReplacePolicy"), id);
        });
  }

  @Test
  void directorySeed_changesWithThePackageThatHoldsTheDirectory() {
    // GIVEN the seed's properties and its function
    Map<String, Object> seed = tree.properties("DirectorySeed");
    Map<String, Object> function = tree.properties("SeedDirectoryFunction");

    // THEN a property follows the published version, which follows the package's content
    assertEquals(Map.of("Ref", "SeedDirectoryFunction.Version"), seed.get("PackageVersion"));
    assertEquals("live", function.get("AutoPublishAlias"));
    assertTrue(
        TemplateTree.read("functions/pom.xml").contains("<directory>../config</directory>"),
        "config/directory.yaml ships inside the package");
    Set<String> keys = seed.keySet().stream().collect(Collectors.toSet());
    assertEquals(Set.of("ServiceToken", "PackageVersion"), keys);
  }

  @Test
  void functions_logJsonThroughPowertools_withTheLeadsKeys_andNoLongerDropLogs() {
    // GIVEN the functions' build, their log configuration and the template's settings
    String pom = TemplateTree.read("functions/pom.xml");
    String log4j = TemplateTree.read("functions/src/main/resources/log4j2.properties");
    Map<String, Object> env = tree.map("Globals", "Function", "Environment", "Variables");

    // THEN logs are Powertools' JSON lines at the template's level, merged plugins and all
    assertTrue(pom.contains("<artifactId>powertools-logging-log4j</artifactId>"), "Powertools");
    assertFalse(pom.contains("slf4j-nop"), "nothing silences the logs");
    assertTrue(
        pom.contains("Log4j2PluginCacheFileTransformer"), "the JSON layout survives shading");
    assertTrue(log4j.contains("eventTemplateUri = classpath:LambdaJsonLayout.json"), log4j);
    assertTrue(log4j.contains("${env:POWERTOOLS_LOG_LEVEL:-INFO}"), log4j);
    assertEquals("INFO", env.get("POWERTOOLS_LOG_LEVEL"));
    assertEquals("lead-handoff", env.get("POWERTOOLS_SERVICE_NAME"));
  }

  @Test
  void everyLambdaTask_passesItsExecutionId_forTheLogKey() throws Exception {
    com.fasterxml.jackson.databind.JsonNode states =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(TemplateTree.read("statemachines/lead-handoff.asl.json"))
            .get("States");
    states
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().path("Type").asText().equals("Task")) {
                return;
              }
              com.fasterxml.jackson.databind.JsonNode parameters = e.getValue().path("Parameters");
              com.fasterxml.jackson.databind.JsonNode payload =
                  parameters.has("Payload") ? parameters.get("Payload") : parameters;
              assertEquals("$$.Execution.Id", payload.path("executionId.$").asText(), e.getKey());
            });
  }
}
