package com.leadhandoff.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.Projects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateReaderTest {
  private static final Path REAL = Projects.root().resolve("template.yaml");
  private static final Path ECHO = Projects.echo().resolve("template.yaml");

  @Test
  void realTemplate_givesEveryFunctionTheMetricsNamespace_andReadsTheDashboardWithoutANote() {
    // GIVEN the project's template
    Template template = Template.read(REAL, Map.of());

    // WHEN we look at a function that records SLA facts, and at the notes of what is not emulated
    LambdaFunction respond = template.function("RespondToOfferFunction").orElseThrow();

    // THEN its metrics land in the default namespace, and the dashboard is no cause for a note
    assertEquals("LeadHandoff", respond.environment().get("POWERTOOLS_METRICS_NAMESPACE"));
    assertTrue(
        template.warnings().stream().noneMatch(w -> w.contains("Dashboard")),
        template.warnings().toString());
  }

  @Test
  void realTemplate_functionsGetGlobalsAndTheirOwnEnvironment() {
    // GIVEN the project's template and a local base URL
    Template template = Template.read(REAL, Map.of("PublicBaseUrl", "http://localhost:3000"));

    // WHEN we look at the intake function
    LambdaFunction intake = template.function("IntakeFunction").orElseThrow();

    // THEN Globals and its own variables are merged, every intrinsic resolved to a local value
    assertEquals("com.leadhandoff.intake.IntakeHandler", intake.handlerClass());
    assertEquals("handleRequest", intake.handlerMethod());
    assertEquals("LeadsTable", intake.environment().get("LEADS_TABLE"));
    assertEquals("IntakeKeysTable", intake.environment().get("INTAKE_KEYS_TABLE"));
    assertEquals(
        "arn:aws:states:us-east-1:000000000000:stateMachine:LeadHandoffStateMachine",
        intake.environment().get("STATE_MACHINE_ARN"));
    assertEquals("60", intake.environment().get("DUPLICATE_WINDOW_MINUTES"));
    assertEquals("http://localhost:3000", intake.environment().get("PUBLIC_BASE_URL"));
    assertEquals("leads@example.com", intake.environment().get("SENDER_ADDRESS"));
    assertEquals(30, intake.timeoutSeconds());
    assertEquals(1024, intake.memorySize());
  }

  @Test
  void realTemplate_routesTablesStateMachineAndSeed() {
    Template template = Template.read(REAL, Map.of());

    assertEquals(
        List.of(
            "POST /leads",
            "GET /offers/{token}",
            "POST /offers/{token}/accept",
            "POST /offers/{token}/decline",
            "GET /outcomes/{token}",
            "POST /outcomes/{token}",
            "POST /admin/leads/{leadId}/outcome",
            "GET /admin/reports/sla",
            "GET /admin/reps",
            "GET /admin/reps/{repId}",
            "PUT /admin/reps/{repId}",
            "PUT /admin/reps/{repId}/out-of-office",
            "POST /admin/reps/{repId}/pause",
            "POST /admin/reps/{repId}/resume",
            "POST /admin/dry-run",
            "GET /unsubscribe/{token}",
            "POST /unsubscribe/{token}"),
        template.routes().stream().map(HttpRoute::routeKey).toList());
    assertTrue(template.routes().stream().allMatch(r -> r.apiId().equals("LeadApi")));
    CorsConfiguration cors = template.httpApis().get("LeadApi").cors().orElseThrow();
    assertEquals(List.of("https://www.example.com"), cors.allowOrigins());
    assertEquals(Optional.of(600), cors.maxAge());

    Table offers =
        template.tables().stream()
            .filter(t -> t.name().equals("OffersTable"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of(new Table.Key("leadId", "HASH"), new Table.Key("offerId", "RANGE")),
        offers.keySchema());
    assertEquals("byTokenHash", offers.globalSecondaryIndexes().get(0).name());
    assertEquals(Optional.of("purgeAt"), offers.ttlAttribute());
    assertEquals(11, template.tables().size());

    StateMachine machine = template.stateMachines().get(0);
    assertTrue(
        machine
            .definition()
            .contains("arn:aws:lambda:us-east-1:000000000000:function:FollowUpFunction"));
    assertFalse(machine.definition().contains("${"), "every substitution applied");

    CustomResource seed = template.customResources().get(0);
    assertEquals("DirectorySeed", seed.logicalId());
    assertEquals(
        "arn:aws:lambda:us-east-1:000000000000:function:SeedDirectoryFunction",
        seed.serviceToken());
  }

  @Test
  void shortTags_subJoinSelectSplitFindInMapIfAndGetAttForms() {
    LambdaFunction echo = Template.read(ECHO, Map.of()).function("EchoFunction").orElseThrow();
    Map<String, String> env = echo.environment();

    assertEquals("from-function", env.get("SHARED"), "the function's value wins over Globals");
    assertEquals("NotesTable", env.get("NOTES_TABLE"), "Globals still apply");
    assertEquals("hello, us-east-1!", env.get("GREETING"));
    assertEquals("stage_y-dev", env.get("STAGE_LABEL"));
    assertEquals("5", env.get("MAX_ITEMS"));
    assertEquals("development", env.get("MODE"));
    assertEquals(
        "arn:aws:lambda:us-east-1:000000000000:function:EchoFunction", env.get("SELF_ARN"));
    assertEquals(
        "arn:aws:states:us-east-1:000000000000:stateMachine:echo-flow", env.get("MACHINE"));
    assertEquals("echo-flow", env.get("MACHINE_NAME"));
    assertEquals("${NotAVariable}", env.get("LITERAL"));
    assertEquals(10, echo.timeoutSeconds());
  }

  @Test
  void parameters_overridesConditionsAndLists() {
    Template template = Template.read(ECHO, Map.of("Stage", "prod", "Greeting", "hi"));
    LambdaFunction echo = template.function("EchoFunction").orElseThrow();

    assertEquals("production", echo.environment().get("MODE"));
    assertEquals("50", echo.environment().get("MAX_ITEMS"));
    assertEquals("hi, us-east-1!", echo.environment().get("GREETING"));
    assertTrue(template.tables().stream().anyMatch(t -> t.name().equals("ProdOnlyTable")));
    assertEquals(
        List.of("https://a.example", "https://b.example"),
        template.httpApis().get("EchoApi").cors().orElseThrow().allowOrigins());
    assertFalse(
        Template.read(ECHO, Map.of()).tables().stream()
            .anyMatch(t -> t.name().equals("ProdOnlyTable")),
        "a resource whose condition is false is not created");
  }

  @Test
  void smallTemplate_routesNamesSimpleTablesAndInlineDefinition() {
    Template template = Template.read(ECHO, Map.of());

    assertEquals(
        List.of(
            "ANY /echo/{id}",
            "GET /files/{proxy+}",
            "ANY /signed/{id}",
            "POST /typed",
            "GET /plain",
            "POST /fail"),
        template.routes().stream().map(HttpRoute::routeKey).toList());
    assertEquals("plain-fn", template.routes().get(4).functionName());
    assertEquals(
        List.of("ANY /signed/{id}"),
        template.routes().stream()
            .filter(HttpRoute::iamAuthorized)
            .map(HttpRoute::routeKey)
            .toList(),
        "only the route with Auth.Authorizer AWS_IAM needs a signature");
    Table notes =
        template.tables().stream()
            .filter(t -> t.name().equals("NotesTable"))
            .findFirst()
            .orElseThrow();
    assertEquals(Map.of("noteId", "S"), notes.attributes());
    assertTrue(
        template
            .stateMachines()
            .get(0)
            .definition()
            .contains("arn:aws:lambda:us-east-1:000000000000:function:EchoFunction"));
    assertTrue(template.warnings().stream().anyMatch(w -> w.contains("Topic")));
  }

  @Test
  void badParameterValue_isRejectedByName() {
    TemplateException error =
        assertThrows(TemplateException.class, () -> Template.read(ECHO, Map.of("Stage", "qa")));
    assertTrue(error.getMessage().contains("Stage"), error.getMessage());
  }

  @Test
  void unknownIntrinsic_namesResourceAndProperty(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(
        file,
        """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B::handleRequest
              Environment:
                Variables:
                  X: !Cidr [10.0.0.0/16, 2, 8]
        """);

    TemplateException error =
        assertThrows(TemplateException.class, () -> Template.read(file, Map.of()));

    assertTrue(
        error.getMessage().contains("Fn.Properties.Environment.Variables.X"), error.getMessage());
    assertTrue(error.getMessage().contains("Fn::Cidr"), error.getMessage());
  }

  @Test
  void refToUnsupportedResource_namesResourceAndProperty(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("template.yaml");
    Files.writeString(
        file,
        """
        Resources:
          Queue:
            Type: AWS::SQS::Queue
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B
              Environment:
                Variables:
                  QUEUE: !Ref Queue
        """);

    TemplateException error =
        assertThrows(TemplateException.class, () -> Template.read(file, Map.of()));

    assertTrue(error.getMessage().contains("Fn.Properties.Environment.Variables.QUEUE"));
    assertTrue(error.getMessage().contains("AWS::SQS::Queue"), error.getMessage());
  }
}
