package com.leadhandoff.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * The template's state machines in the runtime: one the engine refuses leaves only itself out, and
 * an EXPRESS one runs (Step Functions developer guide, "Standard and Express workflow types").
 */
class TemplateStateMachinesTest {
  private static final String ECHO_FLOW =
      "arn:aws:states:us-east-1:000000000000:stateMachine:echo-flow";
  private static final String OFFER_FLOW =
      "arn:aws:states:us-east-1:000000000000:stateMachine:echo-offer-flow";

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private LocalRuntime.Builder echo(Path project) {
    return LocalRuntime.builder()
        .projectRoot(project)
        .port(0)
        .inMemory(true)
        .out(new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private static Path projectWith(Path dir, String from, String to) throws Exception {
    String template = Files.readString(Projects.echo().resolve("template.yaml"));
    String changed = template.replace(from, to);
    assertTrue(!changed.equals(template), "the template change did not apply");
    Files.writeString(dir.resolve("template.yaml"), changed);
    return dir;
  }

  @Test
  void invalidDefinition_failsThatMachineOnly_andEveryPlaceNamesIt(@TempDir Path dir)
      throws Exception {
    // GIVEN a template whose echo-flow goes to a state that does not exist
    Path project =
        projectWith(
            dir,
            "            Resource: ${EchoArn}\n            End: true",
            "            Resource: ${EchoArn}\n            Next: Nowhere");

    // WHEN the runtime starts
    try (LocalRuntime runtime = echo(project).start();
        SfnClient sfn = SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
      // THEN the start-up output names the machine and the problem
      String output = printed.toString(StandardCharsets.UTF_8);
      assertTrue(output.contains("warning: state machine Flow is not running"), output);
      assertTrue(output.contains("Nowhere"), output);

      // AND starting it says why it does not exist
      StateMachineDoesNotExistException refused =
          assertThrows(
              StateMachineDoesNotExistException.class,
              () -> sfn.startExecution(r -> r.stateMachineArn(ECHO_FLOW).input("{}")));
      assertTrue(
          refused.awsErrorDetails().errorMessage().contains("template.yaml's Flow"),
          refused.getMessage());
      assertTrue(
          refused.awsErrorDetails().errorMessage().contains("Missing 'Next' target: Nowhere"),
          refused.getMessage());

      // AND the other machine runs
      assertEquals(
          "ACTIVE", sfn.describeStateMachine(r -> r.stateMachineArn(OFFER_FLOW)).statusAsString());

      // AND the executions page of the UI shows it with its problem
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/_local/executions"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Flow is not running"), page.body());
      assertTrue(page.body().contains("Nowhere"), page.body());
    }
  }

  @Test
  void expressMachine_isCreatedAsExpressAndRuns(@TempDir Path dir) throws Exception {
    // GIVEN echo-flow declared as an EXPRESS state machine
    Path project =
        projectWith(dir, "      Name: echo-flow", "      Name: echo-flow\n      Type: EXPRESS");

    // WHEN the runtime starts
    try (LocalRuntime runtime = echo(project).start();
        SfnClient sfn = SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
      // THEN it is there, as EXPRESS, and StartExecution runs it
      assertEquals(
          StateMachineType.EXPRESS,
          sfn.describeStateMachine(r -> r.stateMachineArn(ECHO_FLOW)).type());
      String arn =
          sfn.startExecution(r -> r.stateMachineArn(ECHO_FLOW).input("{\"n\":1}")).executionArn();
      runtime.engine().awaitIdle();
      assertTrue(arn.contains(":express:echo-flow:"), arn);
      assertEquals("SUCCEEDED", sfn.describeExecution(r -> r.executionArn(arn)).statusAsString());
    }
  }
}
