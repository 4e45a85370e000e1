package com.leadhandoff.local.sfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResultCode;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionSeverity;

/**
 * ValidateStateMachineDefinition through the real SDK client: result OK or FAIL, and diagnostics
 * whose location is a path such as {@code /States/<StateName>/<FieldName>} (API reference,
 * ValidateStateMachineDefinitionDiagnostic).
 */
class ValidateStateMachineDefinitionTest {
  private final LocalSfn local = new LocalSfn();

  @AfterEach
  void close() {
    local.close();
  }

  private ValidateStateMachineDefinitionResponse validate(String definition) {
    return local.sfn.validateStateMachineDefinition(r -> r.definition(definition));
  }

  @Test
  void validDefinition_isOkWithoutDiagnostics() {
    ValidateStateMachineDefinitionResponse response =
        validate(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""");

    assertEquals(ValidateStateMachineDefinitionResultCode.OK, response.result());
    assertTrue(response.diagnostics().isEmpty());
    assertFalse(response.truncated());
  }

  @Test
  void transitionToUnknownState_failsWithMissingTransitionTargetAtItsNext() {
    ValidateStateMachineDefinitionResponse response =
        validate(
            """
            {"StartAt": "Score Lead", "States": {
              "Score Lead": {"Type": "Pass", "Next": "Route Lead"}}}""");

    assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, response.result());
    ValidateStateMachineDefinitionDiagnostic d = response.diagnostics().get(0);
    assertEquals(ValidateStateMachineDefinitionSeverity.ERROR, d.severity());
    assertEquals("MISSING_TRANSITION_TARGET", d.code());
    assertEquals("/States/Score Lead/Next", d.location());
    assertEquals("Missing 'Next' target: Route Lead", d.message());
  }

  @Test
  void everyProblem_isADiagnosticNamingItsField() {
    ValidateStateMachineDefinitionResponse response =
        validate(
            """
            {"StartAt": "Wait", "States": {
              "Wait": {"Type": "Wait", "Seconds": -1, "Next": "Retry"},
              "Retry": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f",
                "Retry": [{"ErrorEquals": [], "MaxAttempts": 1}], "End": true}}}""");

    List<String> locations =
        response.diagnostics().stream()
            .map(ValidateStateMachineDefinitionDiagnostic::location)
            .toList();
    assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, response.result());
    assertTrue(locations.contains("/States/Wait/Seconds"), locations.toString());
    assertTrue(
        locations.stream().anyMatch(l -> l.startsWith("/States/Retry/Retry")),
        locations.toString());
  }

  @Test
  void textThatIsNotJson_isInvalidJsonDescription() {
    ValidateStateMachineDefinitionResponse response = validate("{\"StartAt\": ");

    assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, response.result());
    assertEquals("INVALID_JSON_DESCRIPTION", response.diagnostics().get(0).code());
  }

  @Test
  void callbackTask_isOkForStandardButFailsForExpress() {
    String callback =
        """
        {"StartAt": "Offer", "States": {"Offer": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
          "Parameters": {"FunctionName": "f", "Payload": {"token.$": "$$.Task.Token"}},
          "End": true}}}""";

    ValidateStateMachineDefinitionResponse standard = validate(callback);
    ValidateStateMachineDefinitionResponse express =
        local.sfn.validateStateMachineDefinition(
            r -> r.definition(callback).type(StateMachineType.EXPRESS));

    assertEquals(ValidateStateMachineDefinitionResultCode.OK, standard.result());
    assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, express.result());
    assertTrue(express.diagnostics().get(0).message().contains("waitForTaskToken"));
  }

  @Test
  void maxResults_truncatesTheDiagnostics() {
    String twoProblems =
        """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
          "C": {"Type": "Pass", "End": true}}}""";

    ValidateStateMachineDefinitionResponse response =
        local.sfn.validateStateMachineDefinition(r -> r.definition(twoProblems).maxResults(1));

    assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, response.result());
    assertEquals(1, response.diagnostics().size());
    assertTrue(response.truncated());
  }
}
