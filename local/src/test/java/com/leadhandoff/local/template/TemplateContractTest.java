package com.leadhandoff.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.local.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the deployable template promises, checked on the real {@code template.yaml} and state
 * machine file: tables on demand with point-in-time recovery, IAM only through SAM policy
 * templates, every definition placeholder substituted, every handler class present, the outputs.
 */
class TemplateContractTest {
  private static final Path ROOT = Projects.root();
  private final Map<String, Object> template =
      CloudFormationYaml.load(ROOT.resolve("template.yaml"));

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> resources() {
    return (Map<String, Map<String, Object>>) template.get("Resources");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
  }

  private List<Map<String, Object>> ofType(String type) {
    return resources().values().stream().filter(r -> type.equals(r.get("Type"))).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void dashboard_chartsEveryMetricTheFunctionsEmit_inTheNamespaceTheyEmitIn() throws Exception {
    // GIVEN the namespace every function is given and the dashboard's body
    Map<String, Object> globals = (Map<String, Object>) template.get("Globals");
    Map<String, Object> variables =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) globals.get("Function")).get("Environment"))
                .get("Variables");
    Map<String, Object> parameter =
        (Map<String, Object>)
            ((Map<String, Object>) template.get("Parameters")).get("MetricsNamespace");
    List<Map<String, Object>> dashboards = ofType("AWS::CloudWatch::Dashboard");
    Object body = properties(dashboards.get(0)).get("DashboardBody");

    // WHEN the body's !Sub is resolved as CloudFormation would
    assertEquals(Map.of("Ref", "MetricsNamespace"), variables.get("POWERTOOLS_METRICS_NAMESPACE"));
    assertEquals("LeadHandoff", parameter.get("Default"));
    assertTrue(body instanceof Map<?, ?> sub && sub.get("Fn::Sub") instanceof String, "!Sub");
    String resolved =
        ((String) ((Map<String, Object>) body).get("Fn::Sub"))
            .replace("${AWS::Region}", "eu-west-1")
            .replace("${MetricsNamespace}", "LeadHandoff");

    // THEN nothing is left unresolved, it is JSON, and it charts each metric in that namespace
    assertEquals(1, dashboards.size());
    assertFalse(resolved.contains("${"), "only the region and the namespace are substituted");
    JsonNode widgets = new ObjectMapper().readTree(resolved).path("widgets");
    assertTrue(widgets.size() >= 5, widgets.toString());
    for (com.leadhandoff.metrics.LeadMetric.Name metric :
        com.leadhandoff.metrics.LeadMetric.Name.values()) {
      assertTrue(
          resolved.contains("\"LeadHandoff\", \"" + metric.metricName() + "\"")
              || resolved.contains("{LeadHandoff,team} MetricName=\\\"" + metric.metricName()),
          metric.metricName() + " is charted");
    }
    assertTrue(resolved.contains("\"stat\": \"p50\""), "TimeToAccept p50");
    assertTrue(resolved.contains("\"stat\": \"p90\""), "TimeToAccept p90");
  }

  @Test
  void tables_areOnDemand_withPointInTimeRecovery() {
    List<Map<String, Object>> tables = ofType("AWS::DynamoDB::Table");
    assertEquals(11, tables.size());
    for (Map<String, Object> table : tables) {
      Map<String, Object> p = properties(table);
      assertEquals("PAY_PER_REQUEST", p.get("BillingMode"), p.toString());
      assertEquals(
          Map.of("PointInTimeRecoveryEnabled", true),
          p.get("PointInTimeRecoverySpecification"),
          p.toString());
    }
  }

  @Test
  void recordsThatExpire_haveTimeToLive() {
    Set<String> withTtl = new TreeSet<>();
    resources()
        .forEach(
            (id, r) -> {
              if (properties(r).containsKey("TimeToLiveSpecification")) {
                withTtl.add(id);
              }
            });
    assertEquals(
        Set.of(
            "AddressClaimsTable",
            "DigestClaimsTable",
            "IntakeKeysTable",
            "OffersTable",
            "OutcomeLinksTable",
            "UnsubscribesTable"),
        withTtl);
  }

  @Test
  @SuppressWarnings("unchecked")
  void functions_useSamPolicyTemplatesOnly() {
    Set<String> allowed =
        Set.of(
            "DynamoDBCrudPolicy",
            "DynamoDBReadPolicy",
            "DynamoDBWritePolicy",
            "SESCrudPolicy",
            "SESBulkTemplatedCrudPolicy_v2",
            "StepFunctionsExecutionPolicy",
            "StepFunctionsCallbackPolicy",
            "LambdaInvokePolicy",
            "SESSendBouncePolicy",
            "EventBridgePutEventsPolicy");
    List<Map<String, Object>> holders = new ArrayList<>(ofType("AWS::Serverless::Function"));
    holders.addAll(ofType("AWS::Serverless::StateMachine"));
    for (Map<String, Object> holder : holders) {
      Object policies = properties(holder).get("Policies");
      if (policies == null) {
        continue;
      }
      for (Object policy : (List<Object>) policies) {
        if (Map.of("Ref", "SendEmailPolicy").equals(policy)) {
          // The one managed policy: SendEmail through the configuration set (SesContractTest).
          continue;
        }
        assertTrue(policy instanceof Map, "a policy template, not a managed policy: " + policy);
        if (((Map<String, Object>) policy).containsKey("Statement")) {
          // The two hand-written statements: the watchdog's StopExecution (its own test checks
          // it) and the state machine's log delivery and X-Ray, which AWS grants on "*" only.
          assertTrue(
              (policy.toString().contains("Action=states:StopExecution")
                      && policy.toString().contains(":execution:${MachineName}:*"))
                  || (holder == resources().get("LeadHandoffStateMachine")
                      && policy.toString().contains("logs:CreateLogDelivery")
                      && policy.toString().contains("xray:PutTraceSegments")
                      && !policy.toString().contains("dynamodb")
                      && !policy.toString().contains("lambda")),
              "a hand-written statement other than the two known ones: " + policy);
          continue;
        }
        String name = ((Map<String, Object>) policy).keySet().iterator().next();
        assertTrue(allowed.contains(name), "not a SAM policy template we allow: " + name);
      }
    }
    String text = read("template.yaml");
    assertFalse(text.contains("Action: '*'") || text.contains("Action: \"*\""), "no * actions");
    assertEquals(
        3,
        text.split("\n\\s*Statement:", -1).length - 1,
        "three hand-written IAM statements (the watchdog's StopExecution; the state machine's log"
            + " delivery and X-Ray; SendEmailPolicy's SendEmail)");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyDefinitionPlaceholder_isSubstituted_andEveryFunctionArnUsed() {
    Map<String, Object> machine = ofType("AWS::Serverless::StateMachine").get(0);
    Map<String, Object> p = properties(machine);
    String definition = read((String) p.get("DefinitionUri"));
    Set<String> used = new HashSet<>();
    Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(definition);
    while (m.find()) {
      used.add(m.group(1));
    }
    Set<String> substituted = ((Map<String, Object>) p.get("DefinitionSubstitutions")).keySet();
    assertTrue(substituted.containsAll(used), "placeholders without a value: " + used);
    // Table names are substituted too (for direct DynamoDB states); every function ARN is used.
    for (String name : substituted) {
      assertTrue(used.contains(name) || name.endsWith("TableName"), name + " is never used");
    }
  }

  @Test
  void everyHandlerClass_existsInTheFunctionsModule() throws Exception {
    Template read = Template.read(ROOT.resolve("template.yaml"), Map.of());
    for (LambdaFunction function : read.functions()) {
      Class.forName(function.handlerClass());
    }
  }

  @Test
  void publicApiRoutes_areTheProductsEight() {
    Template read = Template.read(ROOT.resolve("template.yaml"), Map.of());
    assertEquals(
        Set.of(
            "POST /leads",
            "GET /offers/{token}",
            "POST /offers/{token}/accept",
            "POST /offers/{token}/decline",
            "GET /unsubscribe/{token}",
            "POST /unsubscribe/{token}",
            "GET /outcomes/{token}",
            "POST /outcomes/{token}"),
        Set.copyOf(
            read.routes().stream()
                .filter(r -> !r.iamAuthorized())
                .map(HttpRoute::routeKey)
                .toList()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyAdminRoute_isIamAuthorized_onAnApiThatEnablesIt() {
    Template read = Template.read(ROOT.resolve("template.yaml"), Map.of());
    List<HttpRoute> admin =
        read.routes().stream()
            .filter(r -> r.path() != null && r.path().startsWith("/admin/"))
            .toList();
    assertFalse(admin.isEmpty(), "the template has admin routes");
    for (HttpRoute route : admin) {
      assertEquals(HttpRoute.AWS_IAM, route.authorizer(), route.routeKey() + " is not AWS_IAM");
      // SAM refuses an event-level AWS_IAM authorizer unless the API enables it.
      Map<String, Object> auth =
          (Map<String, Object>) properties(resources().get(route.apiId())).get("Auth");
      assertEquals(true, auth == null ? null : auth.get("EnableIamAuthorizer"), route.apiId());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void dryRunFunction_mayOnlyRead() {
    List<Object> policies =
        (List<Object>) properties(resources().get("DryRunFunction")).get("Policies");
    for (Object policy : policies) {
      assertEquals(
          Set.of("DynamoDBReadPolicy"), ((Map<String, Object>) policy).keySet(), policy.toString());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void slaReportFunction_mayOnlyReadTheSlaFacts() {
    // The report's bounded reads rest on it never reaching the leads table, whatever its code.
    List<Object> policies =
        (List<Object>) properties(resources().get("SlaReportAdminFunction")).get("Policies");
    assertEquals(1, policies.size(), policies.toString());
    Map<String, Object> policy = (Map<String, Object>) policies.get(0);
    assertEquals(Set.of("DynamoDBReadPolicy"), policy.keySet(), policy.toString());
    assertTrue(policy.toString().contains("SlaFactsTable"), policy.toString());
  }

  @Test
  @SuppressWarnings("unchecked")
  void outputs_nameTheApiStateMachineAndTables() {
    Set<String> outputs = ((Map<String, Object>) template.get("Outputs")).keySet();
    assertTrue(
        outputs.containsAll(Set.of("ApiUrl", "StateMachineArn", "LeadsTableName")),
        outputs.toString());
    assertEquals(11, outputs.stream().filter(o -> o.endsWith("TableName")).count());
  }

  @Test
  void stateMachine_everyCallbackTaskHasATimeout() throws Exception {
    JsonNode states =
        new ObjectMapper().readTree(read("statemachines/lead-handoff.asl.json")).get("States");
    states
        .fields()
        .forEachRemaining(
            e -> {
              String resource = e.getValue().path("Resource").asText();
              if (resource.endsWith(".waitForTaskToken")) {
                assertTrue(
                    e.getValue().has("TimeoutSeconds") || e.getValue().has("TimeoutSecondsPath"),
                    e.getKey() + " waits for a callback without a timeout");
              }
              if (e.getValue().path("Type").asText().equals("Task")
                  && !e.getKey().equals("Park Lead")) {
                assertTrue(e.getValue().has("Retry"), e.getKey() + " has no Retry");
                assertTrue(e.getValue().has("Catch"), e.getKey() + " has no Catch");
              }
            });
  }

  private static String read(String relative) {
    try {
      return Files.readString(ROOT.resolve(relative));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
