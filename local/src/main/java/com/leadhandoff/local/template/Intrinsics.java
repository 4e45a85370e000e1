package com.leadhandoff.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions to the values they have locally: a table's {@code
 * Ref} is its name, a function's {@code GetAtt .Arn} its local ARN, a parameter its value. Every
 * error names where in the template the intrinsic sits ({@code where}).
 */
final class Intrinsics {
  /** What {@code !Ref AWS::NoValue} resolves to; maps and lists drop it. */
  static final Object NO_VALUE = new Object();

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final Map<String, Parameter> parameters;
  private final Map<String, Map<String, Object>> resources;
  private final Map<String, Object> mappings;
  private final Map<String, Object> conditions;
  private final Map<String, Object> functionGlobals;
  private final Map<String, String> pseudoParameters;
  private final Map<String, Boolean> conditionValues = new HashMap<>();
  private final Set<String> naming = new HashSet<>();

  Intrinsics(
      Map<String, Parameter> parameters,
      Map<String, Map<String, Object>> resources,
      Map<String, Object> mappings,
      Map<String, Object> conditions,
      Map<String, Object> functionGlobals,
      String stackName) {
    this.parameters = parameters;
    this.resources = resources;
    this.mappings = mappings;
    this.conditions = conditions;
    this.functionGlobals = functionGlobals;
    this.pseudoParameters =
        Map.of(
            "AWS::Region",
            LocalNames.REGION,
            "AWS::AccountId",
            LocalNames.ACCOUNT_ID,
            "AWS::Partition",
            "aws",
            "AWS::URLSuffix",
            "amazonaws.com",
            "AWS::StackName",
            stackName,
            "AWS::StackId",
            "arn:aws:cloudformation:"
                + LocalNames.REGION
                + ":"
                + LocalNames.ACCOUNT_ID
                + ":stack/"
                + stackName
                + "/local");
  }

  /** {@code value} with every intrinsic in it resolved. */
  Object resolve(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1) {
        String key = String.valueOf(map.keySet().iterator().next());
        if (key.equals("Ref") || key.startsWith("Fn::")) {
          return function(key, map.values().iterator().next(), where);
        }
      }
      Map<String, Object> resolved = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            Object r = resolve(v, where + "." + k);
            if (r != NO_VALUE) {
              resolved.put(String.valueOf(k), r);
            }
          });
      return resolved;
    }
    if (value instanceof List<?> list) {
      List<Object> resolved = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Object r = resolve(list.get(i), where + "[" + i + "]");
        if (r != NO_VALUE) {
          resolved.add(r);
        }
      }
      return resolved;
    }
    return value;
  }

  /** {@code value} resolved to a string: scalars (numbers, booleans) are written as text. */
  String string(Object value, String where) {
    Object resolved = resolve(value, where);
    if (resolved instanceof String || resolved instanceof Number || resolved instanceof Boolean) {
      return String.valueOf(resolved);
    }
    throw new TemplateException(where + " must be a single value, but resolves to " + resolved);
  }

  /** {@code value} resolved to a list of strings; a single string is a one-element list. */
  List<String> strings(Object value, String where) {
    Object resolved = resolve(value, where);
    if (resolved instanceof List<?> list) {
      return list.stream().map(v -> string(v, where)).toList();
    }
    return List.of(string(resolved, where));
  }

  /** Whether the named entry of the template's {@code Conditions} holds. */
  boolean condition(String name, String where) {
    Boolean known = conditionValues.get(name);
    if (known != null) {
      return known;
    }
    if (!conditions.containsKey(name)) {
      throw new TemplateException(where + " uses condition '" + name + "', which is not declared");
    }
    boolean value = truth(conditions.get(name), "Conditions." + name);
    conditionValues.put(name, value);
    return value;
  }

  /** The name a resource has locally: its name property, or else its logical id. */
  String resourceName(String logicalId) {
    Map<String, Object> resource = resources.get(logicalId);
    String property =
        switch (type(logicalId)) {
          case "AWS::Serverless::Function", "AWS::Lambda::Function" -> "FunctionName";
          case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> "TableName";
          case "AWS::Serverless::StateMachine" -> "Name";
          case "AWS::StepFunctions::StateMachine" -> "StateMachineName";
          case "AWS::Events::EventBus" -> "Name";
          default -> null;
        };
    Object properties = resource.get("Properties");
    if (property == null
        || !(properties instanceof Map<?, ?> props)
        || !props.containsKey(property)) {
      return logicalId;
    }
    if (!naming.add(logicalId)) {
      throw new TemplateException(logicalId + "." + property + " refers to itself");
    }
    try {
      return string(props.get(property), logicalId + ".Properties." + property);
    } finally {
      naming.remove(logicalId);
    }
  }

  private String type(String logicalId) {
    return String.valueOf(resources.get(logicalId).get("Type"));
  }

  private boolean truth(Object value, String where) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    if (value instanceof Map<?, ?> map && map.size() == 1) {
      String key = String.valueOf(map.keySet().iterator().next());
      Object argument = map.values().iterator().next();
      if (key.equals("Condition")) {
        return condition(String.valueOf(argument), where);
      }
      Object result = function(key, argument, where);
      if (result instanceof Boolean b) {
        return b;
      }
    }
    throw new TemplateException(where + " must be a condition, but is " + value);
  }

  private Object function(String name, Object argument, String where) {
    String at = where + " (" + name + ")";
    return switch (name) {
      case "Ref" -> ref(String.valueOf(argument), at);
      case "Fn::GetAtt" -> {
        List<String> parts = strings(argument, at);
        if (parts.size() != 2) {
          throw new TemplateException(at + " needs Resource.Attribute, got " + argument);
        }
        yield getAtt(parts.get(0), parts.get(1), at);
      }
      case "Fn::Sub" -> sub(argument, at);
      case "Fn::Join" -> {
        List<?> args = arguments(argument, 2, at);
        String delimiter = string(args.get(0), at);
        yield String.join(delimiter, strings(args.get(1), at));
      }
      case "Fn::Select" -> {
        List<?> args = arguments(argument, 2, at);
        int index = Integer.parseInt(string(args.get(0), at));
        Object list = resolve(args.get(1), at);
        if (!(list instanceof List<?> items) || index < 0 || index >= items.size()) {
          throw new TemplateException(at + " index " + index + " is outside " + list);
        }
        yield items.get(index);
      }
      case "Fn::Split" -> {
        List<?> args = arguments(argument, 2, at);
        String delimiter = string(args.get(0), at);
        yield List.of(string(args.get(1), at).split(Pattern.quote(delimiter), -1));
      }
      case "Fn::FindInMap" -> findInMap(arguments(argument, 3, at), at);
      case "Fn::Base64" ->
          Base64.getEncoder().encodeToString(string(argument, at).getBytes(StandardCharsets.UTF_8));
      case "Fn::GetAZs" -> List.of("us-east-1a", "us-east-1b", "us-east-1c");
      case "Fn::If" -> {
        List<?> args = arguments(argument, 3, at);
        yield condition(string(args.get(0), at), at)
            ? resolve(args.get(1), at)
            : resolve(args.get(2), at);
      }
      case "Fn::Equals" -> {
        List<?> args = arguments(argument, 2, at);
        yield String.valueOf(resolve(args.get(0), at))
            .equals(String.valueOf(resolve(args.get(1), at)));
      }
      case "Fn::Not" -> !truth(arguments(argument, 1, at).get(0), at);
      case "Fn::And" -> arguments(argument, -1, at).stream().allMatch(c -> truth(c, at));
      case "Fn::Or" -> arguments(argument, -1, at).stream().anyMatch(c -> truth(c, at));
      case "Fn::ImportValue" ->
          throw new TemplateException(
              at
                  + " imports an output of another stack, which does not exist locally;"
                  + " pass the value as a parameter instead");
      default ->
          throw new TemplateException(at + ": " + name + " is not supported by the local runtime");
    };
  }

  private List<?> arguments(Object argument, int count, String where) {
    if (!(argument instanceof List<?> list) || (count >= 0 && list.size() != count)) {
      throw new TemplateException(
          where + " needs a list of " + (count < 0 ? "conditions" : count + " values"));
    }
    return list;
  }

  private Object ref(String name, String where) {
    if (name.equals("AWS::NoValue")) {
      return NO_VALUE;
    }
    if (pseudoParameters.containsKey(name)) {
      return pseudoParameters.get(name);
    }
    if (name.startsWith("AWS::")) {
      throw new TemplateException(where + ": pseudo parameter " + name + " is not supported");
    }
    Parameter parameter = parameters.get(name);
    if (parameter != null) {
      return parameter.value();
    }
    if (name.endsWith(".Version") && !resources.containsKey(name)) {
      return functionVersion(name.substring(0, name.length() - ".Version".length()), where);
    }
    if (name.endsWith(".Alias") && !resources.containsKey(name)) {
      return functionAlias(name.substring(0, name.length() - ".Alias".length()), where);
    }
    if (!resources.containsKey(name)) {
      throw new TemplateException(where + " refers to '" + name + "', which is not declared");
    }
    String type = type(name);
    if (type.equals("AWS::Serverless::StateMachine")
        || type.equals("AWS::StepFunctions::StateMachine")) {
      return LocalNames.stateMachineArn(resourceName(name));
    }
    if (type.equals("AWS::Serverless::Function")
        || type.equals("AWS::Lambda::Function")
        || type.equals("AWS::DynamoDB::Table")
        || type.equals("AWS::Serverless::SimpleTable")
        || type.equals("AWS::Serverless::HttpApi")
        // Ref of a bus is its name (CloudFormation's AWS::Events::EventBus return values).
        || type.equals("AWS::Events::EventBus")
        // Ref of a configuration set is its name; of a managed policy, its ARN (never used
        // locally: the runtime enforces no IAM), so its name stands in.
        || type.equals("AWS::SES::ConfigurationSet")
        || type.equals("AWS::IAM::ManagedPolicy")
        || type.startsWith("Custom::")
        || type.equals("AWS::CloudFormation::CustomResource")) {
      return resourceName(name);
    }
    throw new TemplateException(
        where
            + " refers to "
            + name
            + " of type "
            + type
            + ", which the local runtime does not run");
  }

  /**
   * SAM's {@code Ref Function.Version}, the version {@code AutoPublishAlias} publishes: locally the
   * one code there is, the function's ARN qualified with 1.
   */
  private String functionVersion(String function, String where) {
    aliasName(function, where, ".Version");
    return LocalNames.functionArn(resourceName(function)) + ":1";
  }

  /**
   * SAM's {@code Ref Function.Alias}, the alias {@code AutoPublishAlias} names: its ARN, the
   * function's qualified with the alias name (which local invocations strip off).
   */
  private String functionAlias(String function, String where) {
    return LocalNames.functionArn(resourceName(function))
        + ":"
        + aliasName(function, where, ".Alias");
  }

  /** The function's AutoPublishAlias, its own or from Globals; an error naming {@code what}. */
  private String aliasName(String function, String where, String what) {
    if (!resources.containsKey(function) || !type(function).equals("AWS::Serverless::Function")) {
      throw new TemplateException(
          where + " refers to '" + function + what + "', but " + function + " is no function");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> properties =
        (Map<String, Object>) resources.get(function).getOrDefault("Properties", Map.of());
    Object alias =
        properties.getOrDefault("AutoPublishAlias", functionGlobals.get("AutoPublishAlias"));
    if (alias == null) {
      throw new TemplateException(
          where
              + " refers to '"
              + function
              + what
              + "', which needs AutoPublishAlias on it or in Globals.Function");
    }
    return string(alias, where + " (AutoPublishAlias of " + function + ")");
  }

  private Object getAtt(String resource, String attribute, String where) {
    if (!resources.containsKey(resource)) {
      throw new TemplateException(where + " refers to '" + resource + "', which is not declared");
    }
    String type = type(resource);
    String value =
        switch (type + "." + attribute) {
          case "AWS::Serverless::Function.Arn", "AWS::Lambda::Function.Arn" ->
              LocalNames.functionArn(resourceName(resource));
          case "AWS::Serverless::StateMachine.Arn", "AWS::StepFunctions::StateMachine.Arn" ->
              LocalNames.stateMachineArn(resourceName(resource));
          case "AWS::Serverless::StateMachine.Name", "AWS::StepFunctions::StateMachine.Name" ->
              resourceName(resource);
          case "AWS::DynamoDB::Table.Arn" -> LocalNames.tableArn(resourceName(resource));
          default -> null;
        };
    if (value == null) {
      throw new TemplateException(
          where
              + ": attribute "
              + attribute
              + " of "
              + resource
              + " ("
              + type
              + ") has no local value");
    }
    return value;
  }

  private String sub(Object argument, String where) {
    String text;
    Map<String, Object> variables = new HashMap<>();
    if (argument instanceof List<?> list
        && list.size() == 2
        && list.get(1) instanceof Map<?, ?> m) {
      text = String.valueOf(list.get(0));
      m.forEach((k, v) -> variables.put(String.valueOf(k), v));
    } else if (argument instanceof String s) {
      text = s;
    } else {
      throw new TemplateException(where + " needs a string or [string, {variables}]");
    }
    Matcher matcher = SUB_VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1).trim();
      String replacement;
      if (variable.startsWith("!")) {
        // ${!Literal} writes "${Literal}" unchanged.
        replacement = "${" + variable.substring(1) + "}";
      } else if (variables.containsKey(variable)) {
        replacement = string(variables.get(variable), where + " ${" + variable + "}");
      } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
        int dot = variable.indexOf('.');
        replacement =
            String.valueOf(getAtt(variable.substring(0, dot), variable.substring(dot + 1), where));
      } else {
        replacement = string(ref(variable, where), where + " ${" + variable + "}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private Object findInMap(List<?> args, String where) {
    String mapName = string(args.get(0), where);
    String top = string(args.get(1), where);
    String second = string(args.get(2), where);
    if (mappings.get(mapName) instanceof Map<?, ?> map
        && map.get(top) instanceof Map<?, ?> entry
        && entry.containsKey(second)) {
      return resolve(entry.get(second), where);
    }
    throw new TemplateException(
        where + ": Mappings." + mapName + "." + top + "." + second + " is not declared");
  }
}
