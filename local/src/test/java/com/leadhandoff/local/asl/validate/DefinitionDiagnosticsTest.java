package com.leadhandoff.local.asl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where each problem is, as ValidateStateMachineDefinitionDiagnostic's {@code location}: "For
 * errors specific to a field, the location could be in the format: /States/&lt;StateName&gt;/
 * &lt;FieldName&gt;" (API reference).
 */
class DefinitionDiagnosticsTest {

  private static List<Optional<String>> locations(String definition) {
    return DefinitionValidator.validate(definition, false).stream()
        .map(Diagnostic::location)
        .toList();
  }

  @Test
  void missingStartAt_isLocatedAtTheTopLevelField() {
    List<Optional<String>> locations =
        locations("{\"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}");

    assertTrue(locations.contains(Optional.of("/StartAt")), locations.toString());
  }

  @Test
  void badChoiceRule_isLocatedInsideItsChoice() {
    List<Optional<String>> locations =
        locations(
            """
            {"StartAt": "Hot?", "States": {
              "Hot?": {"Type": "Choice", "Choices": [
                {"Variable": "$.score", "NumericGreaterThan": 1, "Next": "Done"},
                {"And": [{"Variable": "$.a", "Bogus": 1}], "Next": "Done"}],
               "Default": "Done"},
              "Done": {"Type": "Succeed"}}}""");

    assertTrue(
        locations.stream().anyMatch(l -> l.orElse("").startsWith("/States/Hot?/Choices/1/And/0")),
        locations.toString());
  }

  @Test
  void badParametersPath_isLocatedAtItsKey_andSlashesInNamesAreEscaped() {
    List<Optional<String>> locations =
        locations(
            """
            {"StartAt": "Read a/b", "States": {"Read a/b": {"Type": "Pass",
              "Parameters": {"lead id.$": "not a path"}, "End": true}}}""");

    assertTrue(
        locations.stream().anyMatch(l -> l.orElse("").startsWith("/States/Read a~1b/Parameters")),
        locations.toString());
  }

  @Test
  void emptyDefinition_isMissingDescription() {
    List<Diagnostic> diagnostics = DefinitionValidator.validate("  ", false);

    assertEquals("MISSING_DESCRIPTION", diagnostics.get(0).code());
  }

  @Test
  void diagnostic_printsAsOneLine() {
    Diagnostic d =
        Diagnostic.error(
            "SCHEMA_VALIDATION_FAILED", "needs Next or End: true", Optional.of("/States/A"));

    assertEquals(
        "ERROR SCHEMA_VALIDATION_FAILED at /States/A: needs Next or End: true", d.toLine());
  }
}
