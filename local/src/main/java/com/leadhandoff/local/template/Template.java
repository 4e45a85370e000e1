package com.leadhandoff.local.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local runtime needs from {@code template.yaml}, every intrinsic resolved to local
 * values.
 *
 * @param file the template file
 * @param parameters parameters by name, with the values in force locally
 * @param functions the functions, in template order
 * @param httpApis the HTTP APIs by logical id
 * @param tables the DynamoDB tables, in template order
 * @param stateMachines the state machines, in template order
 * @param customResources the custom resources, in template order
 * @param eventBuses the names of the custom EventBridge buses ({@code AWS::Events::EventBus})
 * @param warnings what the template declares that does not run locally
 */
public record Template(
    Path file,
    Map<String, Parameter> parameters,
    List<LambdaFunction> functions,
    Map<String, HttpApi> httpApis,
    List<Table> tables,
    List<StateMachine> stateMachines,
    List<CustomResource> customResources,
    List<String> eventBuses,
    List<String> warnings) {

  /** Reads {@code file}, overriding parameter defaults with {@code overrides}. */
  public static Template read(Path file, Map<String, String> overrides) {
    return new TemplateReader(file, overrides).read();
  }

  /** Every HttpApi route of every function. */
  public List<HttpRoute> routes() {
    return functions.stream().flatMap(f -> f.routes().stream()).toList();
  }

  /** Every EventBridge rule of every function. */
  public List<EventRule> eventRules() {
    return functions.stream().flatMap(f -> f.eventRules().stream()).toList();
  }

  /** Every EventBridge Scheduler schedule of every function. */
  public List<Schedule> schedules() {
    return functions.stream().flatMap(f -> f.schedules().stream()).toList();
  }

  /** The function with this name, if any. */
  public Optional<LambdaFunction> function(String name) {
    return functions.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The function declared as {@code logicalId} in the template, whatever its name. */
  public Optional<LambdaFunction> functionDeclaredAs(String logicalId) {
    return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
  }
}
