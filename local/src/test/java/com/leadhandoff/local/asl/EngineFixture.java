package com.leadhandoff.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.engine.ExecutionDescription;
import com.leadhandoff.local.asl.engine.ExecutionEngine;
import com.leadhandoff.local.asl.engine.ExecutionStore;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import com.leadhandoff.local.asl.engine.LambdaFailure;
import com.leadhandoff.local.asl.engine.LambdaInvoker;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.clock.VirtualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/** An engine on a virtual clock with scripted fake Lambda functions. */
final class EngineFixture implements AutoCloseable {
  static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
  static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:";

  /** A fake function body. */
  @FunctionalInterface
  interface Function {
    JsonNode apply(JsonNode payload) throws LambdaFailure;
  }

  /** One recorded invocation. */
  record Invocation(String function, JsonNode payload, Instant at) {}

  final VirtualClock clock;
  final Map<String, Function> functions = new ConcurrentHashMap<>();
  final List<Invocation> invocations = java.util.Collections.synchronizedList(new ArrayList<>());
  final ExecutionEngine engine;

  EngineFixture() {
    this(new Random(42));
  }

  EngineFixture(Random random) {
    this(random, T0, Optional.empty());
  }

  /** An engine whose clock starts at {@code start}, keeping executions in {@code store}. */
  EngineFixture(Instant start, ExecutionStore store) {
    this(new Random(42), start, Optional.of(store));
  }

  private EngineFixture(Random random, Instant start, Optional<ExecutionStore> store) {
    clock = new VirtualClock(start);
    LambdaInvoker invoker =
        (function, payload) -> {
          invocations.add(new Invocation(function, payload, clock.now()));
          Function body = functions.get(function);
          if (body == null) {
            throw LambdaFailure.serviceError(
                "Lambda.ResourceNotFoundException", "Function not found: " + function);
          }
          return body.apply(payload);
        };
    ExecutionEngine.Builder builder =
        ExecutionEngine.builder(clock, invoker).random(random).accountId("123456789012");
    store.ifPresent(builder::store);
    engine = builder.build();
  }

  EngineFixture function(String name, Function body) {
    functions.put(FN + name, body);
    return this;
  }

  /** Creates the machine, starts one execution and waits until it settles; returns its ARN. */
  String run(String definition, String input) {
    String machine = engine.createStateMachine("Test", definition);
    String arn = engine.startExecution(machine, Optional.of("exec-1"), input).executionArn();
    engine.awaitIdle();
    return arn;
  }

  ExecutionDescription describe(String arn) {
    return engine.describeExecution(arn);
  }

  List<String> eventTypes(String arn) {
    return engine.getExecutionHistory(arn).stream().map(HistoryEvent::type).toList();
  }

  /** Names of the states entered, in order. */
  List<String> statesEntered(String arn) {
    return engine.getExecutionHistory(arn).stream()
        .filter(e -> e.type().endsWith("StateEntered"))
        .map(e -> e.detail("name").orElseThrow())
        .toList();
  }

  JsonNode output(String arn) {
    return Json.tryParse(describe(arn).output().orElseThrow()).orElseThrow();
  }

  List<Instant> invocationTimes(String function) {
    synchronized (invocations) {
      return invocations.stream()
          .filter(i -> i.function().equals(function))
          .map(Invocation::at)
          .toList();
    }
  }

  /** The task token the named function received in its payload at {@code path}. */
  String lastToken(String function, String field) {
    synchronized (invocations) {
      for (int i = invocations.size() - 1; i >= 0; i--) {
        if (invocations.get(i).function().equals(function)) {
          return invocations.get(i).payload().path(field).asText();
        }
      }
    }
    throw new AssertionError("no invocation of " + function);
  }

  static JsonNode json(String text) {
    return Json.tryParse(text).orElseThrow(() -> new AssertionError("bad JSON in test: " + text));
  }

  /** Test definitions are written with single quotes for readability. */
  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  @Override
  public void close() {
    engine.close();
  }
}
