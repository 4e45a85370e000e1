package com.leadhandoff.local.asl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionValidationTest {
  private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:F";

  private static List<String> problems(String definition) {
    return assertThrows(InvalidDefinitionException.class, () -> DefinitionParser.parse(definition))
        .problems();
  }

  private static void assertProblem(List<String> problems, String... fragments) {
    assertTrue(
        problems.stream().anyMatch(p -> java.util.Arrays.stream(fragments).allMatch(p::contains)),
        "expected a problem containing " + List.of(fragments) + " in " + problems);
  }

  private static String single(String stateJson) {
    return "{\"StartAt\":\"S\",\"States\":{\"S\":" + stateJson + "}}";
  }

  @Test
  void distributedMap_isRefusedWithStateNameAndField() {
    List<String> problems =
        problems(
            single(
                "{\"Type\":\"Map\",\"ItemReader\":{},\"ItemProcessor\":{\"StartAt\":\"P\","
                    + "\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}"));
    assertProblem(problems, "State 'S'", "ItemReader is not supported", "Distributed Map");
  }

  @Test
  void jsonataQueryLanguage_refusesJsonPathFields() {
    List<String> problems =
        problems(
            "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"S\",\"States\":{\"S\":"
                + "{\"Type\":\"Succeed\",\"OutputPath\":\"$.a\"}}}");
    assertProblem(problems, "State 'S'", "'OutputPath' is not supported in a JSONata state");
  }

  @Test
  void activityAndOtherIntegrations_areRefusedWithTheConstruct() {
    assertProblem(
        problems(
            single(
                "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:us-east-1:123456789012:activity:A\",\"End\":true}")),
        "State 'S'",
        "Activity");
    assertProblem(
        problems(
            single(
                "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:putItem\",\"End\":true}")),
        "State 'S'",
        "dynamodb:putItem");
  }

  @Test
  void unknownIntrinsic_isAValidationError() {
    List<String> problems =
        problems(
            single(
                "{\"Type\":\"Pass\",\"Parameters\":{\"h.$\":\"States.Compare($.a, 'x')\"},\"End\":true}"));
    assertProblem(problems, "State 'S'", "States.Compare is not supported");
  }

  @Test
  void statesAllNotAloneOrNotLast_isRefused() {
    List<String> problems =
        problems(
            single(
                "{\"Type\":\"Task\",\"Resource\":\""
                    + FN
                    + "\",\"End\":true,\"Catch\":["
                    + "{\"ErrorEquals\":[\"States.ALL\",\"X\"],\"Next\":\"S\"},"
                    + "{\"ErrorEquals\":[\"Y\"],\"Next\":\"S\"}]}"));
    assertProblem(problems, "Catch[0]", "must appear alone");
    assertProblem(problems, "Catch[0]", "last element");
  }

  @Test
  void everyProblem_isReportedAtOnce() {
    List<String> problems =
        problems(
            "{\"StartAt\":\"A\",\"States\":{"
                + "\"A\":{\"Type\":\"Pass\",\"Bogus\":1,\"Next\":\"Nowhere\"},"
                + "\"B\":{\"Type\":\"Wait\",\"End\":true},"
                + "\"C\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\",\"End\":true}}}");
    assertProblem(problems, "State 'A'", "'Bogus'");
    assertProblem(problems, "State 'A'", "Missing 'Next' target: Nowhere");
    assertProblem(problems, "State 'B'", "exactly one of Seconds");
    assertProblem(problems, "State 'C'", "sqs:sendMessage");
    assertTrue(problems.size() >= 4, problems.toString());
  }

  @Test
  void unreachableState_isRefused() {
    List<String> problems =
        problems(
            "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"},\"B\":{\"Type\":\"Succeed\"}}}");
    assertProblem(problems, "State 'B'", "not reachable");
  }

  @Test
  void callbackTaskWithoutToken_isRefused() {
    List<String> problems =
        problems(
            single(
                "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke.waitForTaskToken\","
                    + "\"Parameters\":{\"FunctionName\":\"F\",\"Payload\":{}},\"End\":true}"));
    assertProblem(problems, "State 'S'", "$$.Task.Token");
  }

  @Test
  void choiceRuleWithTwoOperators_isRefused() {
    List<String> problems =
        problems(
            "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.a\","
                + "\"StringEquals\":\"x\",\"NumericEquals\":1,\"Next\":\"D\"}]},\"D\":{\"Type\":\"Succeed\"}}}");
    assertProblem(problems, "State 'C'", "exactly one operator");
  }

  @Test
  void variablesAndResultPathMistakes_areRefused() {
    List<String> problems =
        problems(
            single(
                "{\"Type\":\"Pass\",\"Assign\":{\"states\":1},\"ResultPath\":\"$.a[*]\",\"End\":true}"));
    assertProblem(problems, "State 'S' Assign", "'states' is reserved");
    assertProblem(problems, "State 'S'", "ResultPath");
  }

  @Test
  void supportedConstructs_areAccepted() {
    String definition =
        "{\"StartAt\":\"P\",\"TimeoutSeconds\":60,\"States\":{"
            + "\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"f.$\":\"States.Format('x{}', $.a)\",\"u.$\":\"States.UUID()\"},\"Next\":\"W\"},"
            + "\"W\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.s\",\"Next\":\"C\"},"
            + "\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"And\":[{\"Variable\":\"$.a\",\"IsPresent\":true},"
            + "{\"Not\":{\"Variable\":\"$.a\",\"StringMatches\":\"x*\"}}],\"Next\":\"T\"}],\"Default\":\"F\"},"
            + "\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
            + "\"Parameters\":{\"FunctionName\":\"F\",\"Payload.$\":\"$\"},\"TimeoutSeconds\":5,"
            + "\"Retry\":[{\"ErrorEquals\":[\"States.TaskFailed\"],\"JitterStrategy\":\"FULL\",\"MaxDelaySeconds\":3}],"
            + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.e\",\"Next\":\"F\"}],\"Next\":\"Par\"},"
            + "\"Par\":{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Succeed\"}}}],\"End\":true},"
            + "\"F\":{\"Type\":\"Fail\",\"ErrorPath\":\"$.e.Error\",\"CausePath\":\"States.Format('c {}', $.a)\"}}}";
    assertDoesNotThrow(() -> DefinitionParser.parse(definition));
  }

  @Test
  void unresolvedSubstitution_isRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DefinitionSubstitutions.apply(
                    "{\"Resource\":\"${A}\",\"X\":\"${B}\"}", java.util.Map.of("A", "arn")));
    assertTrue(e.getMessage().contains("B"), e.getMessage());
    assertEquals(
        "{\"Resource\":\"arn\"}",
        DefinitionSubstitutions.apply("{\"Resource\":\"${A}\"}", java.util.Map.of("A", "arn")));
  }
}
