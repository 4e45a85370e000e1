package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.Diagnostic;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A refused definition is reported as Step Functions reports it to CreateStateMachine and
 * ValidateStateMachineDefinition: "Invalid State Machine Definition: 'CODE: message at /location,
 * …'" (API reference, InvalidDefinition; codes SCHEMA_VALIDATION_FAILED, MISSING_TRANSITION_TARGET,
 * MISSING_END_STATE).
 */
class DefinitionDiagnosticsTest {
  private static InvalidDefinitionException refused(String definition) {
    return assertThrows(
        InvalidDefinitionException.class, () -> DefinitionParser.parse(q(definition)));
  }

  @Test
  void missingTargetAndUnreachableState_areWordedAndLocatedAsOnAws() {
    // GIVEN pass1 going to a state that does not exist, and pass2 that nothing reaches
    InvalidDefinitionException e =
        refused(
            "{'StartAt':'pass1','States':{'pass1':{'Type':'Pass','Next':'pass3'},"
                + "'pass2':{'Type':'Pass','End':true}}}");

    // THEN the message is AWS's, word for word
    assertEquals(
        "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3"
            + " at /States/pass1/Next, MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable."
            + " at /States/pass2'",
        e.getMessage());
  }

  @Test
  void everyKindOfTarget_saysNextAndNamesItsOwnField() {
    InvalidDefinitionException e =
        refused(
            "{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.a',"
                + "'IsPresent':true,'Next':'X'}],'Default':'Y'}}}");
    assertEquals(
        List.of("/States/C/Default", "/States/C/Choices[0]/Next"),
        e.diagnostics().stream()
            .filter(d -> d.code().equals(Diagnostic.MISSING_TRANSITION_TARGET))
            .map(d -> d.location().orElseThrow())
            .toList());
  }

  @Test
  void startAtNamingNoState_isLocatedAtStartAt() {
    InvalidDefinitionException e = refused("{'StartAt':'Nope','States':{'A':{'Type':'Succeed'}}}");
    assertEquals(
        Optional.of("/StartAt"),
        e.diagnostics().stream()
            .filter(d -> d.message().equals("Missing 'StartAt' target: Nope"))
            .findFirst()
            .orElseThrow()
            .location());
  }

  @Test
  void fieldProblems_areLocatedAtTheField() {
    InvalidDefinitionException e =
        refused(
            "{'StartAt':'A','TimeoutSeconds':-1,'States':{'A':{'Type':'Pass','InputPath':'x',"
                + "'End':true}}}");
    assertEquals(
        List.of("/States/A/InputPath", "/TimeoutSeconds"),
        e.diagnostics().stream().map(d -> d.location().orElseThrow()).sorted().toList());
  }

  @Test
  void loopWithoutTerminalState_isMissingEndStateWithNoLocation() {
    InvalidDefinitionException e =
        refused(
            "{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'A'}}}");
    assertEquals(
        List.of(
            new Diagnostic(
                Diagnostic.MISSING_END_STATE,
                "Workflow has no terminal state",
                Optional.empty(),
                "Definition")),
        e.diagnostics());
  }

  @Test
  void schemaProblemInsideABranch_isLocatedBelowTheBranch() {
    InvalidDefinitionException e =
        refused(
            "{'StartAt':'P','States':{'P':{'Type':'Parallel','End':true,'Branches':[{'StartAt':'W',"
                + "'States':{'W':{'Type':'Wait','Seconds':100000000,'End':true}}}]}}}");
    assertEquals(
        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Maximum value is 99999999 at"
            + " /States/P/Branches[0]/States/W/Seconds'",
        e.getMessage());
  }

  @Test
  void problemsInWords_stillNameTheState() {
    InvalidDefinitionException e =
        refused("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':100000000,'End':true}}}");
    assertEquals(List.of("State 'W': Maximum value is 99999999"), e.problems());
  }
}
