package com.leadhandoff.local.asl.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.model.Program;
import com.leadhandoff.local.asl.model.QueryLanguage;
import com.leadhandoff.local.asl.model.State;
import com.leadhandoff.local.asl.model.StateMachineDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses and validates a definition in one pass over the JSON, then checks the graph; every problem
 * is reported together in one {@link InvalidDefinitionException}.
 */
public final class DefinitionParser {
  private static final Set<String> TOP_LEVEL =
      Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");
  private static final Set<String> BRANCH = Set.of("Comment", "StartAt", "States");

  private DefinitionParser() {}

  /** Parses {@code definitionJson} (substitutions already applied) or throws with all problems. */
  public static StateMachineDefinition parse(String definitionJson) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(definitionJson);
    } catch (JsonProcessingException e) {
      throw InvalidDefinitionException.of(
          List.of(
              new Diagnostic(
                  Diagnostic.INVALID_JSON_DESCRIPTION,
                  "the definition is not valid JSON: " + e.getOriginalMessage(),
                  Optional.empty(),
                  "")));
    }
    Problems problems = new Problems();
    if (root == null || !root.isObject()) {
      throw new InvalidDefinitionException(List.of("the definition must be a JSON object"));
    }
    Fields.onlyAllowed(root, TOP_LEVEL, "Definition", problems);
    QueryLanguage language = QueryLanguage.JSONPATH;
    JsonNode declared = root.get("QueryLanguage");
    if (declared != null) {
      Optional<QueryLanguage> known = QueryLanguage.of(declared.asText(""));
      if (known.isEmpty() || !declared.isTextual()) {
        problems.add("Definition", "QueryLanguage must be JSONPath or JSONata, got " + declared);
      }
      language = known.orElse(QueryLanguage.JSONPATH);
    }
    Optional<Program> program = program(root, language, "Definition", problems);
    Optional<Integer> timeout =
        Fields.positiveInteger(root, "TimeoutSeconds", "Definition", problems).map(Long::intValue);
    problems.throwIfAny();
    return new StateMachineDefinition(program.orElseThrow(), timeout);
  }

  /** A program whose states inherit {@code language} (the definition's QueryLanguage). */
  private static Optional<Program> program(
      JsonNode node, QueryLanguage language, String where, Problems p) {
    Optional<String> startAt = Fields.text(node, "StartAt", where, p);
    if (startAt.isEmpty()) {
      p.add(where, "StartAt is missing");
    }
    JsonNode statesNode = node.get("States");
    if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
      p.add(where, "States must be a non-empty object");
      return Optional.empty();
    }
    StateParser parser = new StateParser((branch, at) -> branch(branch, language, at, p), language);
    Map<String, State> states = new LinkedHashMap<>();
    statesNode
        .fields()
        .forEachRemaining(
            entry -> {
              if (entry.getKey().length() > 80) {
                p.add("State '" + entry.getKey() + "'", "a state name has at most 80 characters");
              }
              parser
                  .parse(entry.getKey(), entry.getValue(), p)
                  .ifPresent(s -> states.put(s.name(), s));
            });
    if (startAt.isEmpty()) {
      return Optional.empty();
    }
    Program program = new Program(startAt.get(), states, parser.flows());
    ProgramValidator.validate(program, statesNode, where, p);
    return Optional.of(program);
  }

  /** A branch's states are located below it: /States/P/Branches[0]/States/A. */
  private static Optional<Program> branch(
      JsonNode node, QueryLanguage language, String where, Problems p) {
    if (!node.isObject()) {
      p.add(where, "a branch must be a JSON object");
      return Optional.empty();
    }
    Fields.onlyAllowed(node, BRANCH, where, p);
    return p.within(where, () -> program(node, language, where, p));
  }
}
