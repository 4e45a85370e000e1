package com.leadhandoff.local.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.engine.ExecutionEngine;
import com.leadhandoff.local.asl.engine.FileExecutionStore;
import com.leadhandoff.local.asl.engine.FileStateMachineStore;
import com.leadhandoff.local.asl.engine.LambdaFailure;
import com.leadhandoff.local.asl.engine.RestoredExecutions;
import com.leadhandoff.local.clock.VirtualClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The real engine on a virtual clock behind the endpoint, with fake Lambda functions a test
 * scripts, and the real SDK client pointed at it.
 *
 * <p>The client disables host prefix injection: the SDK sends StartSyncExecution to {@code
 * sync-<endpoint host>} (the operation's endpoint trait), a name that does not resolve for
 * localhost, so a client of the local endpoint must turn that off (docs/local-runtime.md).
 */
final class LocalSfn implements AutoCloseable {
  static final Instant T0 = Instant.parse("2025-03-04T09:00:00Z");
  static final String FN = "arn:aws:lambda:us-east-1:000000000000:function:";
  static final String ROLE = "arn:aws:iam::000000000000:role/TestRole";

  /** A fake function body. */
  @FunctionalInterface
  interface Function {
    JsonNode apply(JsonNode payload) throws LambdaFailure;
  }

  final VirtualClock clock;
  final Map<String, Function> functions = new ConcurrentHashMap<>();
  final ExecutionEngine engine;
  final SfnClient sfn;
  private final HttpServer server;

  /** What {@link #restartedOn} found in the data folder. */
  List<String> machineNotes = List.of();

  RestoredExecutions restored = RestoredExecutions.none();

  LocalSfn() {
    this(T0, Optional.empty());
  }

  /**
   * A runtime at {@code now} on {@code dataDir}, as the local runtime with {@code --data-dir}:
   * state machines created through the API and executions are kept there, and those an earlier
   * runtime kept are restored (machines first).
   */
  static LocalSfn restartedOn(Path dataDir, Instant now) {
    return restartedOn(dataDir, now, engine -> {});
  }

  /** As {@link #restartedOn(Path, Instant)}, with {@code template}'s machines created first. */
  static LocalSfn restartedOn(Path dataDir, Instant now, Consumer<ExecutionEngine> template) {
    LocalSfn local = new LocalSfn(now, Optional.of(dataDir));
    template.accept(local.engine);
    local.machineNotes = local.engine.restoreStateMachines();
    local.restored = local.engine.restoreExecutions();
    local.engine.awaitIdle();
    return local;
  }

  private LocalSfn(Instant now, Optional<Path> dataDir) {
    clock = new VirtualClock(now);
    ExecutionEngine.Builder builder =
        ExecutionEngine.builder(
            clock,
            (function, payload) -> {
              Function body = functions.get(function);
              if (body == null) {
                throw LambdaFailure.serviceError(
                    "Lambda.ResourceNotFoundException", "Function not found: " + function);
              }
              return body.apply(payload);
            });
    dataDir.ifPresent(
        d ->
            builder
                .store(FileExecutionStore.in(d.resolve("executions")))
                .stateMachineStore(FileStateMachineStore.in(d.resolve("state-machines"))));
    engine = builder.build();
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", new StepFunctionsEndpoint(StepFunctionsBackend.of(engine)));
    // StartSyncExecution holds its request until the execution ends: others must still be served.
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    sfn =
        SfnClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .endpointOverride(URI.create("http://localhost:" + server.getAddress().getPort()))
            .overrideConfiguration(
                o ->
                    o.putAdvancedOption(
                        SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
            .build();
  }

  LocalSfn function(String name, Function body) {
    functions.put(FN + name, body);
    return this;
  }

  /** Creates a STANDARD machine through the API; returns its ARN. */
  String create(String name, String definition) {
    return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE))
        .stateMachineArn();
  }

  @Override
  public void close() {
    sfn.close();
    server.stop(0);
    engine.close();
  }
}
