package com.leadhandoff.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a SAM template into a {@link Template}; see {@link Template#read}. */
final class TemplateReader {
  private static final Set<String> LIST_TYPES = Set.of("CommaDelimitedList");
  private static final String IMPLICIT_API = "ServerlessHttpApi";
  // A dashboard has nothing to run: locally the metrics it charts are the EMF lines on the console.
  private static final Set<String> NOT_RUN_LOCALLY_OK =
      Set.of(
          "AWS::Serverless::Function",
          "AWS::Lambda::Permission",
          "AWS::Logs::LogGroup",
          "AWS::CloudWatch::Dashboard",
          // Operations and DNS on AWS only: nothing of them changes what a lead does locally.
          "AWS::CloudWatch::Alarm",
          "AWS::SNS::Subscription",
          "AWS::ApiGatewayV2::DomainName",
          "AWS::ApiGatewayV2::ApiMapping",
          "AWS::Route53::RecordSet",
          // The local SES endpoint takes any configuration set and plays the mailbox simulator
          // through the default bus, as this set's event destination does; IAM is not enforced.
          "AWS::SES::ConfigurationSet",
          "AWS::SES::ConfigurationSetEventDestination",
          "AWS::IAM::ManagedPolicy");

  private final Path file;
  private final Map<String, String> overrides;
  private final List<String> warnings = new ArrayList<>();
  private Map<String, Object> raw;
  private Intrinsics intrinsics;
  private Map<String, Map<String, Object>> resources;

  TemplateReader(Path file, Map<String, String> overrides) {
    this.file = file;
    this.overrides = overrides;
  }

  Template read() {
    raw = CloudFormationYaml.load(file);
    Map<String, Parameter> parameters = parameters();
    resources = new LinkedHashMap<>();
    map(raw.get("Resources"), "Resources")
        .forEach((id, resource) -> resources.put(id, map(resource, "Resources." + id)));
    Map<String, Object> globals = map(raw.get("Globals"), "Globals");
    intrinsics =
        new Intrinsics(
            parameters,
            resources,
            map(raw.get("Mappings"), "Mappings"),
            map(raw.get("Conditions"), "Conditions"),
            map(globals.get("Function"), "Globals.Function"),
            stackName());

    List<LambdaFunction> functions = new ArrayList<>();
    Map<String, HttpApi> apis = new LinkedHashMap<>();
    List<Table> tables = new ArrayList<>();
    List<StateMachine> stateMachines = new ArrayList<>();
    List<CustomResource> customResources = new ArrayList<>();
    List<String> eventBuses = new ArrayList<>();
    for (var entry : resources.entrySet()) {
      String id = entry.getKey();
      Map<String, Object> resource = entry.getValue();
      if (resource.get("Condition") instanceof String condition
          && !intrinsics.condition(condition, "Resources." + id + ".Condition")) {
        continue;
      }
      String type = String.valueOf(resource.get("Type"));
      Map<String, Object> properties = map(resource.get("Properties"), id + ".Properties");
      switch (type) {
        case "AWS::Serverless::Function" ->
            functions.add(
                function(id, merge(map(globals.get("Function"), "Globals.Function"), properties)));
        case "AWS::Serverless::HttpApi" ->
            apis.put(
                id, httpApi(id, merge(map(globals.get("HttpApi"), "Globals.HttpApi"), properties)));
        case "AWS::DynamoDB::Table" -> tables.add(table(id, properties));
        case "AWS::Serverless::SimpleTable" ->
            tables.add(
                simpleTable(
                    id, merge(map(globals.get("SimpleTable"), "Globals.SimpleTable"), properties)));
        case "AWS::Serverless::StateMachine" -> stateMachines.add(stateMachine(id, properties));
        case "AWS::CloudFormation::CustomResource" ->
            customResources.add(customResource(id, type, properties));
        case "AWS::Events::EventBus" -> eventBuses.add(intrinsics.resourceName(id));
        default -> {
          if (type.startsWith("Custom::")) {
            customResources.add(customResource(id, type, properties));
          } else if (!NOT_RUN_LOCALLY_OK.contains(type)) {
            warnings.add(id + " (" + type + ") is not emulated locally");
          }
        }
      }
    }
    boolean implicitApi =
        functions.stream()
            .flatMap(f -> f.routes().stream())
            .anyMatch(r -> r.apiId().equals(IMPLICIT_API));
    if (implicitApi && !apis.containsKey(IMPLICIT_API)) {
      apis.put(IMPLICIT_API, httpApi(IMPLICIT_API, map(globals.get("HttpApi"), "Globals.HttpApi")));
    }
    for (LambdaFunction function : functions) {
      for (HttpRoute route : function.routes()) {
        if (!apis.containsKey(route.apiId())) {
          throw new TemplateException(
              function.logicalId()
                  + ".Events."
                  + route.eventId()
                  + ".Properties.ApiId refers to '"
                  + route.apiId()
                  + "', which is not an AWS::Serverless::HttpApi");
        }
      }
    }
    return new Template(
        file,
        parameters,
        List.copyOf(functions),
        Map.copyOf(apis),
        List.copyOf(tables),
        List.copyOf(stateMachines),
        List.copyOf(customResources),
        List.copyOf(eventBuses),
        List.copyOf(warnings));
  }

  private String stackName() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null || parent.getFileName() == null
        ? "local"
        : parent.getFileName().toString();
  }

  private Map<String, Parameter> parameters() {
    Map<String, Object> declared = map(raw.get("Parameters"), "Parameters");
    for (String name : overrides.keySet()) {
      if (!declared.containsKey(name)) {
        throw new TemplateException(
            "Parameter " + name + " is overridden but " + file + " does not declare it");
      }
    }
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    declared.forEach(
        (name, definition) -> {
          Map<String, Object> props = map(definition, "Parameters." + name);
          String type = String.valueOf(props.getOrDefault("Type", "String"));
          String text =
              overrides.containsKey(name)
                  ? overrides.get(name)
                  : props.containsKey("Default") ? String.valueOf(props.get("Default")) : null;
          if (text == null) {
            throw new TemplateException(
                "Parameter " + name + " has no Default; pass it with --param " + name + "=VALUE");
          }
          if (props.get("AllowedValues") instanceof List<?> allowed
              && !allowed.stream().map(String::valueOf).toList().contains(text)) {
            throw new TemplateException(
                "Parameter " + name + " is '" + text + "' but must be one of " + allowed);
          }
          Object value =
              LIST_TYPES.contains(type) || type.startsWith("List<")
                  ? Arrays.stream(text.split(",", -1)).map(String::trim).toList()
                  : text;
          parameters.put(name, new Parameter(name, type, value));
        });
    return parameters;
  }

  private LambdaFunction function(String id, Map<String, Object> properties) {
    String where = id + ".Properties";
    if (properties.containsKey("Runtime")) {
      String runtime = intrinsics.string(properties.get("Runtime"), where + ".Runtime");
      if (!runtime.startsWith("java")) {
        throw new TemplateException(
            where + ".Runtime is " + runtime + "; the local runtime runs only Java handlers");
      }
    }
    if (!properties.containsKey("Handler")) {
      throw new TemplateException(where + ".Handler is missing");
    }
    String handler = intrinsics.string(properties.get("Handler"), where + ".Handler");
    int separator = handler.indexOf("::");
    String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
    String handlerMethod = separator < 0 ? "handleRequest" : handler.substring(separator + 2);

    Map<String, String> environment = new LinkedHashMap<>();
    Map<String, Object> env = map(properties.get("Environment"), where + ".Environment");
    map(env.get("Variables"), where + ".Environment.Variables")
        .forEach(
            (name, value) ->
                environment.put(
                    name, intrinsics.string(value, where + ".Environment.Variables." + name)));

    String name = intrinsics.resourceName(id);
    List<HttpRoute> routes = new ArrayList<>();
    List<EventRule> eventRules = new ArrayList<>();
    List<Schedule> schedules = new ArrayList<>();
    map(properties.get("Events"), where + ".Events")
        .forEach(
            (eventId, event) -> {
              String at = where + ".Events." + eventId;
              Map<String, Object> e = map(event, at);
              String type = String.valueOf(e.get("Type"));
              if (type.equals("EventBridgeRule")) {
                eventRules.add(eventRule(name, eventId, e, at));
                return;
              }
              if (type.equals("ScheduleV2")) {
                schedules.add(schedule(name, eventId, e, at));
                return;
              }
              if (!type.equals("HttpApi")) {
                warnings.add(at + " (" + type + ") does not fire locally");
                return;
              }
              Map<String, Object> p = map(e.get("Properties"), at + ".Properties");
              String api =
                  p.containsKey("ApiId")
                      ? intrinsics.string(p.get("ApiId"), at + ".Properties.ApiId")
                      : IMPLICIT_API;
              String path =
                  p.containsKey("Path")
                      ? intrinsics.string(p.get("Path"), at + ".Properties.Path")
                      : null;
              String method =
                  p.containsKey("Method")
                      ? intrinsics.string(p.get("Method"), at + ".Properties.Method").toUpperCase()
                      : "ANY";
              Map<String, Object> auth = map(p.get("Auth"), at + ".Properties.Auth");
              String authorizer =
                  auth.containsKey("Authorizer")
                      ? intrinsics.string(
                          auth.get("Authorizer"), at + ".Properties.Auth.Authorizer")
                      : "NONE";
              if (!authorizer.equals("NONE") && !authorizer.equals(HttpRoute.AWS_IAM)) {
                warnings.add(at + " authorizer " + authorizer + " is not enforced locally");
              }
              routes.add(new HttpRoute(api, method, path, name, eventId, authorizer));
            });
    return new LambdaFunction(
        id,
        name,
        handlerClass,
        handlerMethod,
        Map.copyOf(environment),
        integer(properties.get("Timeout"), 3, where + ".Timeout"),
        integer(properties.get("MemorySize"), 128, where + ".MemorySize"),
        List.copyOf(routes),
        List.copyOf(eventRules),
        List.copyOf(schedules));
  }

  @SuppressWarnings("unchecked")
  private EventRule eventRule(String function, String eventId, Map<String, Object> e, String at) {
    Map<String, Object> p = map(e.get("Properties"), at + ".Properties");
    if (p.containsKey("EventBusName")) {
      warnings.add(
          at
              + " listens on bus "
              + p.get("EventBusName")
              + "; locally only execution status changes are delivered");
    }
    if (p.containsKey("InputPath") || p.containsKey("InputTransformer")) {
      warnings.add(
          at + " InputPath and InputTransformer are not applied locally; the whole event is sent");
    }
    Object pattern = intrinsics.resolve(p.get("Pattern"), at + ".Properties.Pattern");
    if (!(pattern instanceof Map<?, ?>)) {
      throw new TemplateException(at + ".Properties.Pattern is missing or not a map");
    }
    Optional<String> input =
        p.containsKey("Input")
            ? Optional.of(intrinsics.string(p.get("Input"), at + ".Properties.Input"))
            : Optional.empty();
    return new EventRule(function, eventId, (Map<String, Object>) pattern, input);
  }

  private Schedule schedule(String function, String eventId, Map<String, Object> e, String at) {
    Map<String, Object> p = map(e.get("Properties"), at + ".Properties");
    if (!p.containsKey("ScheduleExpression")) {
      throw new TemplateException(at + ".Properties.ScheduleExpression is missing");
    }
    String expression =
        intrinsics.string(p.get("ScheduleExpression"), at + ".Properties.ScheduleExpression");
    Optional<String> input =
        p.containsKey("Input")
            ? Optional.of(intrinsics.string(p.get("Input"), at + ".Properties.Input"))
            : Optional.empty();
    boolean enabled =
        !p.containsKey("State")
            || !"DISABLED".equals(intrinsics.string(p.get("State"), at + ".Properties.State"));
    return new Schedule(function, eventId, expression, input, enabled);
  }

  private HttpApi httpApi(String id, Map<String, Object> properties) {
    String where = id + ".Properties.CorsConfiguration";
    Object cors = properties.get("CorsConfiguration");
    if (cors == null) {
      return new HttpApi(id, Optional.empty());
    }
    Object resolved = intrinsics.resolve(cors, where);
    if (resolved instanceof Boolean enabled || resolved instanceof String) {
      // CorsConfiguration: true allows every origin, as SAM does.
      return Boolean.parseBoolean(String.valueOf(resolved))
          ? new HttpApi(
              id,
              Optional.of(
                  new CorsConfiguration(
                      List.of("*"),
                      List.of("*"),
                      List.of("*"),
                      List.of(),
                      Optional.empty(),
                      false)))
          : new HttpApi(id, Optional.empty());
    }
    Map<String, Object> c = map(resolved, where);
    return new HttpApi(
        id,
        Optional.of(
            new CorsConfiguration(
                strings(c.get("AllowOrigins"), where + ".AllowOrigins"),
                strings(c.get("AllowMethods"), where + ".AllowMethods"),
                strings(c.get("AllowHeaders"), where + ".AllowHeaders"),
                strings(c.get("ExposeHeaders"), where + ".ExposeHeaders"),
                c.containsKey("MaxAge")
                    ? Optional.of(integer(c.get("MaxAge"), 0, where + ".MaxAge"))
                    : Optional.empty(),
                Boolean.parseBoolean(String.valueOf(c.getOrDefault("AllowCredentials", false))))));
  }

  private Table table(String id, Map<String, Object> properties) {
    String where = id + ".Properties";
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Object definition :
        list(properties.get("AttributeDefinitions"), where + ".AttributeDefinitions")) {
      Map<String, Object> d = map(definition, where + ".AttributeDefinitions");
      attributes.put(
          intrinsics.string(d.get("AttributeName"), where + ".AttributeDefinitions"),
          intrinsics.string(d.get("AttributeType"), where + ".AttributeDefinitions"));
    }
    Optional<String> ttl = Optional.empty();
    if (properties.get("TimeToLiveSpecification") instanceof Map<?, ?> spec
        && Boolean.parseBoolean(
            intrinsics.string(spec.get("Enabled"), where + ".TimeToLiveSpecification.Enabled"))) {
      ttl =
          Optional.of(
              intrinsics.string(
                  spec.get("AttributeName"), where + ".TimeToLiveSpecification.AttributeName"));
    }
    return new Table(
        id,
        intrinsics.resourceName(id),
        Map.copyOf(attributes),
        keys(properties.get("KeySchema"), where + ".KeySchema"),
        indexes(properties.get("GlobalSecondaryIndexes"), where + ".GlobalSecondaryIndexes"),
        indexes(properties.get("LocalSecondaryIndexes"), where + ".LocalSecondaryIndexes"),
        ttl);
  }

  private Table simpleTable(String id, Map<String, Object> properties) {
    String where = id + ".Properties.PrimaryKey";
    Map<String, Object> key = map(properties.get("PrimaryKey"), where);
    String name =
        key.containsKey("Name") ? intrinsics.string(key.get("Name"), where + ".Name") : "id";
    String type =
        key.containsKey("Type") ? intrinsics.string(key.get("Type"), where + ".Type") : "String";
    String attributeType =
        switch (type) {
          case "String" -> "S";
          case "Number" -> "N";
          case "Binary" -> "B";
          default -> throw new TemplateException(where + ".Type must be String, Number or Binary");
        };
    return new Table(
        id,
        intrinsics.resourceName(id),
        Map.of(name, attributeType),
        List.of(new Table.Key(name, "HASH")),
        List.of(),
        List.of(),
        Optional.empty());
  }

  private List<Table.Key> keys(Object schema, String where) {
    return list(schema, where).stream()
        .map(
            k -> {
              Map<String, Object> key = map(k, where);
              return new Table.Key(
                  intrinsics.string(key.get("AttributeName"), where + ".AttributeName"),
                  intrinsics.string(key.get("KeyType"), where + ".KeyType"));
            })
        .toList();
  }

  private List<Table.Index> indexes(Object indexes, String where) {
    return list(indexes, where).stream()
        .map(
            i -> {
              Map<String, Object> index = map(i, where);
              String name = intrinsics.string(index.get("IndexName"), where + ".IndexName");
              String at = where + "." + name;
              Map<String, Object> projection = map(index.get("Projection"), at + ".Projection");
              return new Table.Index(
                  name,
                  keys(index.get("KeySchema"), at + ".KeySchema"),
                  projection.containsKey("ProjectionType")
                      ? intrinsics.string(projection.get("ProjectionType"), at + ".Projection")
                      : "ALL",
                  strings(projection.get("NonKeyAttributes"), at + ".Projection.NonKeyAttributes"));
            })
        .toList();
  }

  private StateMachine stateMachine(String id, Map<String, Object> properties) {
    String where = id + ".Properties";
    String definition;
    if (properties.containsKey("Definition")) {
      try {
        definition =
            new ObjectMapper()
                .writeValueAsString(
                    intrinsics.resolve(properties.get("Definition"), where + ".Definition"));
      } catch (JsonProcessingException e) {
        throw new TemplateException(where + ".Definition cannot be written as JSON", e);
      }
    } else if (properties.get("DefinitionUri") instanceof String uri) {
      Path definitionFile = file.toAbsolutePath().getParent().resolve(uri);
      try {
        definition = Files.readString(definitionFile);
      } catch (IOException e) {
        throw new UncheckedIOException(where + ".DefinitionUri: cannot read " + definitionFile, e);
      }
    } else {
      throw new TemplateException(
          where + " needs Definition or a DefinitionUri naming a file in the project");
    }
    Map<String, Object> substitutions =
        map(properties.get("DefinitionSubstitutions"), where + ".DefinitionSubstitutions");
    for (var substitution : substitutions.entrySet()) {
      String value =
          intrinsics.string(
              substitution.getValue(), where + ".DefinitionSubstitutions." + substitution.getKey());
      definition = definition.replace("${" + substitution.getKey() + "}", value);
    }
    String type =
        properties.containsKey("Type")
            ? intrinsics.string(properties.get("Type"), where + ".Type")
            : "STANDARD";
    return new StateMachine(id, intrinsics.resourceName(id), type, definition);
  }

  private CustomResource customResource(String id, String type, Map<String, Object> properties) {
    String where = id + ".Properties";
    if (!properties.containsKey("ServiceToken")) {
      throw new TemplateException(where + ".ServiceToken is missing");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> resolved = (Map<String, Object>) intrinsics.resolve(properties, where);
    return new CustomResource(
        id,
        type,
        intrinsics.string(resolved.get("ServiceToken"), where + ".ServiceToken"),
        resolved);
  }

  private int integer(Object value, int fallback, String where) {
    if (value == null) {
      return fallback;
    }
    String text = intrinsics.string(value, where);
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new TemplateException(where + " must be a whole number, was '" + text + "'");
    }
  }

  private List<String> strings(Object value, String where) {
    return value == null ? List.of() : intrinsics.strings(value, where);
  }

  /**
   * SAM's Globals merge: maps merge key by key (the resource wins), lists concatenate (globals
   * first), and any other value on the resource replaces the global one.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> resource) {
    Map<String, Object> merged = new LinkedHashMap<>(globals);
    resource.forEach(
        (key, value) -> {
          Object global = merged.get(key);
          if (global instanceof Map<?, ?> g && value instanceof Map<?, ?> v && !isIntrinsic(v)) {
            merged.put(key, merge((Map<String, Object>) g, (Map<String, Object>) v));
          } else if (global instanceof List<?> g && value instanceof List<?> v) {
            List<Object> both = new ArrayList<>(g);
            both.addAll(v);
            merged.put(key, both);
          } else {
            merged.put(key, value);
          }
        });
    return merged;
  }

  private static boolean isIntrinsic(Map<?, ?> map) {
    if (map.size() != 1) {
      return false;
    }
    String key = String.valueOf(map.keySet().iterator().next());
    return key.equals("Ref") || key.startsWith("Fn::");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new TemplateException(where + " must be a map, but is " + value);
  }

  private static List<?> list(Object value, String where) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw new TemplateException(where + " must be a list, but is " + value);
  }
}
