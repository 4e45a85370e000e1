package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.model.StateMachineDefinition;
import com.leadhandoff.local.asl.parse.DefinitionParser;
import com.leadhandoff.local.asl.parse.InvalidDefinitionException;
import com.leadhandoff.local.asl.validate.ExpressRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The state machines of one engine: CreateStateMachine, UpdateStateMachine, DeleteStateMachine and
 * the lookups, with the errors the Step Functions API reference gives each. Executions hold the
 * record they started with, so an update never changes one already running ("Running executions
 * will continue to use the previous definition and roleArn", UpdateStateMachine). Machines created
 * through the API are kept in the {@link StateMachineStore}, if there is one, on every change.
 */
final class StateMachineRegistry {
  private static final Pattern NAME =
      Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}");

  private final String arnPrefix;
  private final Map<String, StateMachineRecord> machines = new ConcurrentHashMap<>();
  private final Set<String> deleting = ConcurrentHashMap.newKeySet();
  private final Optional<StateMachineStore> store;
  private final Function<String, Map<String, StateMachineRecord>> running;
  private final Map<String, StateMachineRecord> restoredStartedWith = new ConcurrentHashMap<>();

  /**
   * @param store where machines created through the API are kept, if anywhere
   * @param running the running executions of a machine ARN, each with the record it started with
   */
  StateMachineRegistry(
      String region,
      String accountId,
      Optional<StateMachineStore> store,
      Function<String, Map<String, StateMachineRecord>> running) {
    this.arnPrefix = "arn:aws:states:" + region + ":" + accountId + ":stateMachine:";
    this.store = store;
    this.running = running;
  }

  /**
   * CreateStateMachine. Idempotent on name, definition and type: a different roleArn is ignored and
   * the first one kept, as the reference says; a different definition or type is
   * StateMachineAlreadyExists.
   *
   * @param kept whether the machine is kept in the store (created through the API)
   */
  String create(
      String name,
      String definitionJson,
      StateMachineType type,
      String roleArn,
      Instant now,
      boolean kept) {
    checkName(name);
    String arn = arnPrefix + name;
    if (deleting.contains(arn)) {
      throw deletingError(arn);
    }
    StateMachineDefinition definition = parse(definitionJson, type);
    StateMachineRecord created =
        new StateMachineRecord(arn, name, definitionJson, definition, roleArn, type, now, kept);
    StateMachineRecord existing = machines.putIfAbsent(arn, created);
    if (existing == null) {
      save(created);
    } else if (!existing.definitionJson().equals(definitionJson) || existing.type() != type) {
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
    StateMachineRecord updated =
        current.revised(json, definition, roleArn.orElse(current.roleArn()));
    machines.put(arn, updated);
    save(updated);
  }

  /** DeleteStateMachine's first step: DELETING until {@link #remove} once nothing runs. */
  void markDeleting(String arn) {
    StateMachineRecord machine = get(arn);
    deleting.add(arn);
    save(machine);
  }

  void remove(String arn) {
    StateMachineRecord removed = machines.remove(arn);
    deleting.remove(arn);
    if (removed != null && removed.kept()) {
      store.ifPresent(s -> s.delete(arn));
    }
  }

  /**
   * Loads the machines kept in the store by an earlier engine, with their status, and the records
   * their running executions started with ({@link #startedWith}). A machine of the same name
   * already created (template.yaml's) wins; a file that cannot be used is set aside.
   *
   * @return one note per saved machine not loaded, saying why
   */
  List<String> restore() {
    if (store.isEmpty()) {
      return List.of();
    }
    ExecutionStore.Loaded loaded = store.get().loadAll();
    List<String> notes = new ArrayList<>(loaded.setAside());
    for (JsonNode json : loaded.snapshots()) {
      StateMachineJson.Saved saved;
      try {
        saved = StateMachineJson.read(json);
      } catch (RuntimeException e) {
        notes.add(store.get().setAside(json.path("stateMachineArn").asText("?"), e.getMessage()));
        continue;
      }
      StateMachineRecord machine = saved.machine();
      if (machines.putIfAbsent(machine.arn(), machine) != null) {
        notes.add(
            machine.arn()
                + ": a state machine of that name is declared in template.yaml, which is used;"
                + " the saved one is left in the data folder");
        continue;
      }
      if (saved.status() == StateMachineInfo.Status.DELETING) {
        deleting.add(machine.arn());
      }
      restoredStartedWith.putAll(saved.startedWith());
    }
    return notes;
  }

  /**
   * The record a restored execution started with: an earlier revision kept for it, else the
   * machine's current one.
   */
  Optional<StateMachineRecord> startedWith(String executionArn, String machineArn) {
    return find(machineArn)
        .map(current -> restoredStartedWith.getOrDefault(executionArn, current))
        .filter(record -> record.arn().equals(machineArn));
  }

  /** Every machine being deleted. */
  Set<String> deletingArns() {
    return Set.copyOf(deleting);
  }

  private void save(StateMachineRecord machine) {
    if (machine.kept() && store.isPresent()) {
      StateMachineInfo.Status status =
          deleting.contains(machine.arn())
              ? StateMachineInfo.Status.DELETING
              : StateMachineInfo.Status.ACTIVE;
      store
          .get()
          .save(
              machine.arn(), StateMachineJson.write(machine, status, running.apply(machine.arn())));
    }
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

  static StateMachineDefinition parse(String definitionJson, StateMachineType type) {
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
