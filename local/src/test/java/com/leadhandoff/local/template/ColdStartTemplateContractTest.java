package com.leadhandoff.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.leadhandoff.local.Projects;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the cold-start work of {@code docs/performance.md} promises of the template: SnapStart on a
 * published version behind the alias {@code live}, and everything that invokes a function invoking
 * that alias (a call to the unqualified ARN would run $LATEST, which SnapStart never snapshots).
 */
class ColdStartTemplateContractTest {
  private final TemplateTree tree = new TemplateTree();

  @Test
  void everyFunction_publishesTheLiveAlias_withSnapStartOnPublishedVersions() {
    // GIVEN the function globals
    // THEN a java21 runtime snapshots each published version, and the alias is live
    assertEquals("java21", tree.at(tree.root, "Globals", "Function", "Runtime"));
    assertEquals("live", tree.at(tree.root, "Globals", "Function", "AutoPublishAlias"));
    assertEquals(
        Map.of("ApplyOn", "PublishedVersions"),
        tree.at(tree.root, "Globals", "Function", "SnapStart"));

    // AND no function opts out or names another alias
    tree.ofType("AWS::Serverless::Function")
        .forEach(
            (id, f) -> {
              Object alias = tree.at(f, "Properties", "AutoPublishAlias");
              assertTrue(alias == null || alias.equals("live"), id + " publishes alias " + alias);
              assertEquals(
                  null, tree.at(f, "Properties", "SnapStart"), id + " overrides SnapStart");
              assertEquals(null, tree.at(f, "Properties", "Runtime"), id + " overrides java21");
            });
  }

  @Test
  @SuppressWarnings("unchecked")
  void stateMachine_invokesEveryFunctionThroughItsLiveAlias() {
    // GIVEN the state machine's substitutions
    Map<String, Object> substitutions =
        (Map<String, Object>)
            tree.properties("LeadHandoffStateMachine").get("DefinitionSubstitutions");

    // THEN every function ARN is the alias: a Ref to the generated alias or an ARN ending in :live
    substitutions.forEach(
        (key, value) -> {
          if (!key.endsWith("FunctionArn")) {
            return;
          }
          String function = key.substring(0, key.length() - "Arn".length());
          boolean ref = Map.of("Ref", function + ".Alias").equals(value);
          boolean sub =
              value instanceof Map<?, ?> map
                  && map.get("Fn::Sub") instanceof String arn
                  && arn.endsWith(":live");
          assertTrue(ref || sub, key + " invokes " + value + ", not the live alias");
        });
  }

  @Test
  void localRuntime_resolvesTheAliasArns_toTheFunctionsItRuns() throws Exception {
    // GIVEN the template as the local runtime reads it
    Template read = Template.read(Projects.root().resolve("template.yaml"), Map.of());
    String definition = read.stateMachines().get(0).definition();

    // WHEN we collect the Lambda ARNs the definition names
    Matcher arns = Pattern.compile("arn:aws:lambda:[^\"]+").matcher(definition);
    List<String> names = read.functions().stream().map(LambdaFunction::name).toList();
    int seen = 0;
    while (arns.find()) {
      // THEN each is qualified with the alias and names a function the runtime runs
      String arn = arns.group();
      assertTrue(arn.endsWith(":live"), arn);
      assertTrue(names.contains(LocalNames.functionName(arn)), arn + " names no local function");
      seen++;
    }
    assertFalse(seen == 0, "the definition names no function ARN");
  }

  @Test
  void streamHandlersWithATypedOverload_areNamedByClass_soTheRuntimeCallsTheStreamMethod() {
    // GIVEN each function's Handler
    tree.ofType("AWS::Serverless::Function")
        .forEach(
            (id, f) -> {
              String handler = String.valueOf(tree.at(f, "Properties", "Handler"));
              String className = handler.split("::")[0];
              Class<?> type;
              try {
                type = Class.forName(className);
              } catch (ClassNotFoundException e) {
                throw new AssertionError(id + " names no class: " + handler, e);
              }
              long overloads =
                  Arrays.stream(type.getMethods())
                      .filter(m -> m.getName().equals("handleRequest"))
                      .filter(m -> !m.isBridge())
                      .count();
              // THEN a stream handler that also has a typed handleRequest is named by its class:
              // "Class::handleRequest" would leave the runtime to pick between the overloads
              if (RequestStreamHandler.class.isAssignableFrom(type) && overloads > 1) {
                assertFalse(handler.contains("::"), id + " is ambiguous: " + handler);
              }
            });
  }
}
