package com.leadhandoff.local.asl.engine;

import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.model.StateMachineDefinition;
import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import com.leadhandoff.local.asl.validate.ExpressRules;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The state machines of one engine: CreateStateMachine, UpdateStateMachine, DeleteStateMachine and
 * the lookups, with the errors the Step Functions API reference gives each. Executions hold the
 * record they started with, so an update never changes one already running ("Running executions
 * will continue to use the previous definition and roleArn", UpdateStateMachine).
 */
final class StateMachineRegistry {
  private static final Pattern NAME =
      Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");

  private final String arnPrefix;
  private final Map<String, StateMachineRecord> machines = new ConcurrentHashMap<>();
  private final Set<String> deleting = ConcurrentHashMap.newKeySet();

  StateMachineRegistry(String region, String accountId) {
    this.arnPrefix = "arn:aws:states:" + region + ":" + accountId + ":stateMachine:";
  }

  /**
   * CreateStateMachine. Idempotent on name, definition and type: a different roleArn is ignored and
   * the first one kept, as the reference says; a different definition or type is
   * StateMachineAlreadyExists.
   */
  String create(
      String name, String definitionJson, StateMachineType type, String roleArn, Instant now) {
    checkName(name);
    String arn = arnPrefix + name;
    if (deleting.contains(arn)) {
      throw deletingError(arn);
    }
    StateMachineDefinition definition = parse(definitionJson, type);
    StateMachineRecord created =
        new StateMachineRecord(arn, name, definitionJson, definition, roleArn, type, now);
    StateMachineRecord existing = machines.putIfAbsent(arn, created);
    if (existing != null
        && (!existing.definitionJson().equals(definitionJson) || existing.type() != type)) {
      throw new StepFunctionsException.StateMachineAlreadyExists(
          "State Machine Already Exists: '" + arn + "'");
    }
    return arn;
  }

  /** UpdateStateMachine: a new definition, role, or both; at least one must be given. */
  void update(String arn, Optional<String> definitionJson, Optional<String> roleArn) {
    if (definitionJson.isEmpty() && roleArn.isEmpty()) {
      throw new StepFunctionsException.MissingRequiredParameter(
          "Either the definition or the roleArn must be specified.");
    }
    StateMachineRecord current = get(arn);
    if (deleting.contains(arn)) {
      throw deletingError(arn);
    }
    String json = definitionJson.orElse(current.definitionJson());
    StateMachineDefinition definition =
        definitionJson.isPresent() ? parse(json, current.type()) : current.definition();
    machines.put(
        arn,
        new StateMachineRecord(
            arn,
            current.name(),
            json,
            definition,
            roleArn.orElse(current.roleArn()),
            current.type(),
            current.creationDate()));
  }

  /** DeleteStateMachine's first step: DELETING until {@link #remove} once nothing runs. */
  void markDeleting(String arn) {
    get(arn);
    deleting.add(arn);
  }

  void remove(String arn) {
    machines.remove(arn);
    deleting.remove(arn);
  }

  boolean isDeleting(String arn) {
    return deleting.contains(arn);
  }

  /** The machine, or StateMachineDoesNotExist (InvalidArn for what is not an ARN). */
  StateMachineRecord get(String arn) {
    StateMachineRecord machine = arn == null ? null : machines.get(arn);
    if (machine == null) {
      if (arn == null || !arn.startsWith("arn:")) {
        throw new StepFunctionsException.InvalidArn("Invalid Arn: '" + arn + "'");
      }
      throw new StepFunctionsException.StateMachineDoesNotExist(
          "State Machine Does Not Exist: '" + arn + "'");
    }
    return machine;
  }

  /** The machine to start an execution of: existing and not being deleted. */
  StateMachineRecord startable(String arn) {
    StateMachineRecord machine = get(arn);
    if (deleting.contains(arn)) {
      throw deletingError(arn);
    }
    return machine;
  }

  Optional<StateMachineRecord> find(String arn) {
    return Optional.ofNullable(machines.get(arn));
  }

  StateMachineInfo info(StateMachineRecord machine) {
    return machine.info(
        deleting.contains(machine.arn())
            ? StateMachineInfo.Status.DELETING
            : StateMachineInfo.Status.ACTIVE);
  }

  /** Every machine, oldest first, as ListStateMachines pages them. */
  List<StateMachineInfo> list() {
    return machines.values().stream()
        .map(this::info)
        .sorted(
            Comparator.comparing(StateMachineInfo::creationDate)
                .thenComparing(StateMachineInfo::name))
        .toList();
  }

  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new StepFunctionsException.InvalidName("Invalid Name: '" + name + "'");
    }
  }

  private static StateMachineDefinition parse(String definitionJson, StateMachineType type) {
    StateMachineDefinition definition;
    try {
      definition = DefinitionParser.parse(definitionJson);
    } catch (InvalidDefinitionException e) {
      throw new StepFunctionsException.InvalidDefinition(e.getMessage());
    }
    if (type == StateMachineType.EXPRESS) {
      Optional<String> callback =
          Json.tryParse(definitionJson).flatMap(ExpressRules::unsupportedResource);
      if (callback.isPresent()) {
        throw new StepFunctionsException.InvalidDefinition(
            "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "
                + ExpressRules.message(callback.get())
                + "'");
      }
    }
    return definition;
  }

  private static StepFunctionsException deletingError(String arn) {
    return new StepFunctionsException.StateMachineDeleting(
        "State machine is being deleted: '" + arn + "'");
  }
}
