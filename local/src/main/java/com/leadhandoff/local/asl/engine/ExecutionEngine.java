package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.clock.RuntimeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The local Step Functions service: create state machines, start, stop and inspect executions, and
 * answer callback tasks. Executions run on a small worker pool; time comes from the injected {@link
 * RuntimeClock}. With a virtual clock, tests drive it deterministically:
 *
 * <pre>{@code
 * engine.startExecution(arn, Optional.of("lead-1"), "{...}");
 * engine.awaitIdle();                         // runs until waiting on a timer or a callback
 * clock.advance(Duration.ofMinutes(15));      // fires due timers in order, settling after each
 * engine.awaitIdle();
 * engine.getExecutionHistory(executionArn);   // assert on events
 * }</pre>
 *
 * <p>With a {@link Builder#store store}, each execution is saved whenever it suspends, starts a
 * task or closes, and {@link #restoreExecutions()} brings them back in the engine of a later run.
 */
public final class ExecutionEngine implements AutoCloseable {
  /** How long {@link #awaitIdle()} waits before deciding the engine is stuck. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** How long {@link #close()} lets work under way finish when executions are kept in a store. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private final RuntimeClock clock;
  private final String region;
  private final String accountId;
  private final String roleArn;
  private final ExecutorService workers;
  private final Quiescence quiescence = new Quiescence();
  private final TaskTokens tokens = new TaskTokens();
  private final Optional<ExecutionStore> store;
  private final Services services;
  private final StateMachineRegistry machines;
  private final SyncWaiters syncWaiters = new SyncWaiters();
  private final Map<String, Execution> executions = new ConcurrentHashMap<>();
  private final Object startLock = new Object();
  private final Consumer<ExecutionDescription> onClosed;

  private ExecutionEngine(Builder builder) {
    this.clock = builder.clock;
    this.region = builder.region;
    this.accountId = builder.accountId;
    this.roleArn = "arn:aws:iam::" + accountId + ":role/LeadHandoffLocalStateMachineRole";
    this.machines =
        new StateMachineRegistry(
            region, accountId, Optional.ofNullable(builder.machineStore), this::runningOf);
    AtomicInteger threadCount = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            builder.workers,
            r -> {
              Thread t = new Thread(r, "sfn-worker-" + threadCount.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.store = Optional.ofNullable(builder.store);
    this.onClosed = builder.onClosed;
    this.services =
        new Services(clock, builder.lambda, tokens, builder.random, region, new Journal(store));
    clock.addSettleHook(this::awaitIdle);
  }

  /** Starts building an engine on {@code clock} that runs tasks through {@code lambda}. */
  public static Builder builder(RuntimeClock clock, LambdaInvoker lambda) {
    return new Builder(clock, lambda);
  }

  // ---- state machines ----

  /**
   * CreateStateMachine of a STANDARD machine with the local role: parses and validates {@code
   * definitionJson} (substitutions applied). Same name and definition again returns the same ARN.
   *
   * @throws StepFunctionsException.InvalidDefinition listing every problem found
   * @throws StepFunctionsException.StateMachineAlreadyExists for the name with another definition
   */
  public String createStateMachine(String name, String definitionJson) {
    return createStateMachine(name, definitionJson, StateMachineType.STANDARD, Optional.empty());
  }

  /**
   * CreateStateMachine with its type and role ({@code empty}: the local runtime's role); see {@link
   * StateMachineRegistry#create} for idempotency.
   */
  public String createStateMachine(
      String name, String definitionJson, StateMachineType type, Optional<String> role) {
    return machines.create(name, definitionJson, type, role.orElse(roleArn), clock.now(), false);
  }

  /**
   * CreateStateMachine as the API does it: like {@link #createStateMachine(String, String,
   * StateMachineType, Optional)}, and kept, with every later update, in the {@link
   * Builder#stateMachineStore state machine store} so that {@link #restoreStateMachines()} of a
   * later engine brings it back. (A template's machine is not kept: the template declares it again
   * at every start.)
   */
  public String createApiStateMachine(
      String name, String definitionJson, StateMachineType type, Optional<String> role) {
    return machines.create(name, definitionJson, type, role.orElse(roleArn), clock.now(), true);
  }

  /** UpdateStateMachine: running executions carry on with the definition they started with. */
  public void updateStateMachine(
      String stateMachineArn, Optional<String> definitionJson, Optional<String> role) {
    // Under the start lock: an execution starting meanwhile is either on the old record, and kept
    // as running it, or on the new one.
    synchronized (startLock) {
      machines.update(stateMachineArn, definitionJson, role);
    }
  }

  /**
   * DeleteStateMachine: the machine is DELETING, takes no new execution, and is gone once its last
   * execution closed. A running execution fails with States.Runtime at its next transition that an
   * event starts (a timer, a callback), as the reference says executions are "terminated on the
   * next state transition".
   */
  public void deleteStateMachine(String stateMachineArn) {
    machines.markDeleting(stateMachineArn);
    removeIfDone(stateMachineArn);
  }

  /** DescribeStateMachine. */
  public StateMachineInfo describeStateMachine(String stateMachineArn) {
    return machines.info(machines.get(stateMachineArn));
  }

  /** ListStateMachines, oldest first. */
  public List<StateMachineInfo> listStateMachines() {
    return machines.list();
  }

  /** The running executions of a machine, each with the record it started with. */
  private Map<String, StateMachineRecord> runningOf(String stateMachineArn) {
    Map<String, StateMachineRecord> running = new HashMap<>();
    executions.values().stream()
        .filter(e -> e.machine.arn().equals(stateMachineArn) && !e.isClosed())
        .forEach(e -> running.put(e.arn, e.machine));
    return running;
  }

  private void removeIfDone(String stateMachineArn) {
    if (machines.isDeleting(stateMachineArn)
        && executions.values().stream()
            .noneMatch(e -> e.machine.arn().equals(stateMachineArn) && !e.isClosed())) {
      machines.remove(stateMachineArn);
    }
  }

  // ---- executions ----

  /**
   * StartExecution. Reusing a name with the same input while that execution runs returns it again;
   * with a different input, or once it is closed, is ExecutionAlreadyExists.
   *
   * @param name the execution name; empty for a generated one
   * @param input JSON text; null means {@code {}}
   */
  public StartedExecution startExecution(
      String stateMachineArn, Optional<String> name, String input) {
    Execution execution = start(stateMachineArn, name, input, false);
    return new StartedExecution(execution.arn, execution.startDate);
  }

  /**
   * StartSyncExecution: runs an EXPRESS machine's execution to its end and describes it; a STANDARD
   * machine is StateMachineTypeNotSupported. Waits at most {@code timeout} (Express executions last
   * up to five minutes on AWS), then stops the execution as timed out.
   */
  public ExecutionDescription startSyncExecution(
      String stateMachineArn, Optional<String> name, String input, Duration timeout) {
    if (machines.get(stateMachineArn).type() != StateMachineType.EXPRESS) {
      throw new StepFunctionsException.StateMachineTypeNotSupported(
          "This operation is not supported by this type of state machine");
    }
    Execution execution = start(stateMachineArn, name, input, true);
    return syncWaiters.await(execution, timeout, clock);
  }

  private Execution start(
      String stateMachineArn, Optional<String> name, String input, boolean sync) {
    StateMachineRecord machine = machines.startable(stateMachineArn);
    String inputText = input == null ? "{}" : input;
    JsonNode inputJson =
        Json.tryParse(inputText)
            .orElseThrow(
                () ->
                    new StepFunctionsException.InvalidExecutionInput(
                        "Invalid execution input: not a JSON text"));
    String executionName = name.orElseGet(() -> UUID.randomUUID().toString());
    StateMachineRegistry.checkName(executionName);
    // Express executions are named "express" in their ARN (StartExecution API reference).
    String kind = machine.type() == StateMachineType.EXPRESS ? ":express:" : ":execution:";
    String arn =
        "arn:aws:states:" + region + ":" + accountId + kind + machine.name() + ":" + executionName;
    Execution execution;
    synchronized (startLock) {
      // Again under the lock, for the revision current now (see updateStateMachine).
      machine = machines.startable(stateMachineArn);
      Execution existing = executions.get(arn);
      if (existing != null) {
        if (!sync && !existing.isClosed() && existing.inputJson.equals(inputJson)) {
          return existing;
        }
        throw new StepFunctionsException.ExecutionAlreadyExists(
            "Execution Already Exists: '" + arn + "'");
      }
      execution =
          new Execution(
              arn, executionName, machine, inputText, inputJson, clock.now(), workers, quiescence);
      wire(execution);
      if (sync) {
        syncWaiters.expect(arn);
      }
      executions.put(arn, execution);
    }
    // Saved before it begins, so that a restart right now still finds (and begins) it.
    services.journal().save(execution, new Snapshot.Progress.NotBegun());
    execution.post(new Signal.Begin());
    return execution;
  }

  /**
   * Sets the interpreter that runs {@code execution}, behind a check that fails it instead once its
   * state machine is being deleted, and hears it close.
   */
  private void wire(Execution execution) {
    Consumer<Signal> interpreter = new Interpreter(execution, services)::handle;
    execution.setHandler(
        DeletedMachineGuard.around(execution, interpreter, machines::isDeleting, clock));
    execution.setOnClosed(
        closed -> {
          try {
            onClosed.accept(closed);
          } finally {
            syncWaiters.closed(closed);
            removeIfDone(closed.stateMachineArn());
          }
        });
  }

  /** DescribeExecution. */
  public ExecutionDescription describeExecution(String executionArn) {
    return execution(executionArn).describe();
  }

  /** GetExecutionHistory, oldest event first. */
  public List<HistoryEvent> getExecutionHistory(String executionArn) {
    return execution(executionArn).history();
  }

  /** ListExecutions of one state machine, newest first, optionally only those in {@code status}. */
  public List<ExecutionDescription> listExecutions(
      String stateMachineArn, Optional<ExecutionStatus> status) {
    machines.get(stateMachineArn);
    return executions.values().stream()
        .filter(e -> e.machine.arn().equals(stateMachineArn))
        .map(Execution::describe)
        .filter(d -> status.isEmpty() || d.status() == status.get())
        .sorted(Comparator.comparing(ExecutionDescription::startDate).reversed())
        .toList();
  }

  /**
   * StopExecution: the execution is ABORTED at once and its pending callbacks are invalidated. A
   * closed execution is left as it is. Returns the stop date.
   */
  public Instant stopExecution(
      String executionArn, Optional<String> error, Optional<String> cause) {
    Execution execution = execution(executionArn);
    ObjectNode details = Json.object();
    error.ifPresent(e -> details.put("error", e));
    cause.ifPresent(c -> details.put("cause", c));
    if (execution.close(
        ExecutionStatus.ABORTED, "ExecutionAborted", Optional.empty(), details, clock.now())) {
      execution.post(new Signal.Closed());
    }
    return execution.describe().stopDate().orElseGet(clock::now);
  }

  // ---- restoring from the store ----

  /**
   * Loads the state machines an earlier engine kept in this engine's {@link
   * Builder#stateMachineStore state machine store} (none without one), as they were: ACTIVE or
   * DELETING, and with the definition each running execution started with. Call it after creating
   * the template's machines, which win over a saved machine of the same name, and before {@link
   * #restoreExecutions()}. A saved machine that cannot be read is moved aside.
   *
   * @return one line per saved machine not loaded, saying why and where it is
   */
  public List<String> restoreStateMachines() {
    return machines.restore();
  }

  /**
   * The latest time recorded in saved executions (a start, an event, a stop), if any: a clock that
   * restarts before it would put deadlines already stored further away and history out of order.
   */
  public static Optional<Instant> latestRecordedTime(List<JsonNode> snapshots) {
    Optional<Instant> latest = Optional.empty();
    for (JsonNode snapshot : snapshots) {
      Optional<Instant> time = SnapshotJson.latestTime(snapshot);
      if (time.isPresent() && (latest.isEmpty() || time.get().isAfter(latest.get()))) {
        latest = time;
      }
    }
    return latest;
  }

  /**
   * Loads the executions an earlier engine saved in this engine's store (none without a store).
   * Call it once, after creating the state machines: closed executions are listed and described as
   * before; running ones carry on where they were, their task tokens still valid and their timers
   * due when they were; one that was in the middle of a Task state invokes that task again, with
   * the same input, token and deadline (at least once, as Lambda retries an invocation), or records
   * the callback answer it had taken; inside Parallel and Map states, each branch and iteration
   * carries on the same way. One whose state no longer fits the definition, or that was saved
   * inside a Parallel or Map state by an older engine, is failed with States.Runtime and a cause
   * saying why. Executions of a state machine that does not exist any more are left in the store,
   * unloaded, and named in the notes.
   */
  public RestoredExecutions restoreExecutions() {
    if (store.isEmpty()) {
      // No execution to wait for: a machine saved as DELETING is gone at once.
      machines.deletingArns().forEach(this::removeIfDone);
      return RestoredExecutions.none();
    }
    int closed = 0;
    int resumed = 0;
    int failed = 0;
    List<String> notes = new ArrayList<>();
    ExecutionStore.Loaded loaded = store.get().loadAll();
    loaded.setAside().forEach(notes::add);
    Map<String, JsonNode> answers = store.get().answers();
    for (JsonNode saved : loaded.snapshots()) {
      Snapshot snapshot;
      try {
        snapshot = SnapshotJson.read(saved);
      } catch (RuntimeException e) {
        notes.add(
            "a saved execution "
                + saved.path("executionArn").asText("")
                + " could not be read ("
                + e.getMessage()
                + ")");
        continue;
      }
      ExecutionDescription d = snapshot.description();
      StateMachineRecord machine =
          machines.startedWith(d.executionArn(), d.stateMachineArn()).orElse(null);
      if (machine == null) {
        notes.add(d.executionArn() + ": its state machine no longer exists");
        continue;
      }
      if (executions.containsKey(d.executionArn())) {
        continue;
      }
      Execution execution = restore(machine, snapshot);
      Optional<JsonNode> answer = Optional.ofNullable(answers.get(d.executionArn()));
      if (execution.isClosed()) {
        answer.ifPresent(a -> store.get().deleteAnswer(d.executionArn()));
        closed++;
      } else if (carryOn(execution, withAnswerKept(execution, snapshot.progress(), answer))) {
        resumed++;
      } else {
        failed++;
      }
    }
    // A machine saved as DELETING is gone once none of its executions runs any more.
    machines.deletingArns().forEach(this::removeIfDone);
    return new RestoredExecutions(closed, resumed, failed, notes);
  }

  private Execution restore(StateMachineRecord machine, Snapshot snapshot) {
    ExecutionDescription d = snapshot.description();
    Execution execution =
        new Execution(
            d.executionArn(),
            d.name(),
            machine,
            d.input(),
            Json.tryParse(d.input()).orElseGet(Json::object),
            d.startDate(),
            workers,
            quiescence);
    execution.load(snapshot);
    wire(execution);
    executions.put(execution.arn, execution);
    return execution;
  }

  /**
   * The saved progress with the answers kept for it ({@link ExecutionStore#saveAnswer}) when the
   * snapshot was saved before they arrived: each task waiting on an answered token, at the top
   * level or in a branch or iteration, then carries on with its answer. A record none of whose
   * answers is still awaited is forgotten.
   */
  private Snapshot.Progress withAnswer(
      Execution execution, Snapshot.Progress progress, Optional<JsonNode> kept) {
    if (kept.isEmpty()) {
      return progress;
    }
    Snapshot.Progress answered = progress;
    boolean used = false;
    for (JsonNode entry : Journal.keptAnswers(kept.get())) {
      String token = entry.path("token").asText();
      TaskResult answer;
      try {
        answer = SnapshotJson.answer(entry.path("answer"));
      } catch (RuntimeException unreadable) {
        // Written whole or not at all (write-then-rename), so only a hand edit gets here: the
        // task waits on, as it would had the answer never come, and its timeout still applies.
        store.get().deleteAnswer(execution.arn);
        return progress;
      }
      Optional<Snapshot.Progress> taken = answeredProgress(answered, token, answer);
      if (taken.isPresent()) {
        answered = taken.get();
        used = true;
      }
    }
    if (!used) {
      store.get().deleteAnswer(execution.arn);
    }
    return answered;
  }

  /** {@code progress} with {@code answer} taken by the task waiting on {@code token}, if any. */
  private static Optional<Snapshot.Progress> answeredProgress(
      Snapshot.Progress progress, String token, TaskResult answer) {
    if (progress instanceof Snapshot.Progress.InTask task
        && task.answer().isEmpty()
        && task.token().equals(Optional.of(token))) {
      return Optional.of(
          new Snapshot.Progress.InTask(
              task.run(), task.token(), task.startedAt(), Optional.of(answer)));
    }
    if (progress instanceof Snapshot.Progress.Suspended suspended
        && suspended.awaiting() instanceof Snapshot.Wait.ForCallback callback
        && callback.token().equals(token)) {
      // A waiting task's run state, as a task answered in the middle of it: the answer is applied
      // as the interpreter applies a saved one.
      return Optional.of(
          new Snapshot.Progress.InTask(
              suspended.run(),
              Optional.of(token),
              suspended.run().enteredTime(),
              Optional.of(answer)));
    }
    if (progress instanceof Snapshot.Progress.Nested nested) {
      return NestedTokens.answered(nested.root(), token, answer).map(Snapshot.Progress.Nested::new);
    }
    return Optional.empty();
  }

  /**
   * {@link #withAnswer}, the answers also handed back to the journal before the execution carries
   * on, so that an answer arriving next is kept along with them.
   */
  private Snapshot.Progress withAnswerKept(
      Execution execution, Snapshot.Progress progress, Optional<JsonNode> kept) {
    Snapshot.Progress answered = withAnswer(execution, progress, kept);
    kept.ifPresent(record -> services.journal().restoreAnswers(execution.arn, record));
    return answered;
  }

  /** Sets a restored running execution going again, or fails it; false if failed. */
  private boolean carryOn(Execution execution, Snapshot.Progress progress) {
    if (progress instanceof Snapshot.Progress.NotBegun) {
      execution.post(new Signal.Begin());
      return true;
    }
    Optional<String> problem =
        Resumability.problem(progress, execution.machine.definition().program());
    if (problem.isPresent()) {
      execution.close(
          ExecutionStatus.FAILED,
          "ExecutionFailed",
          Optional.empty(),
          StateCall.details("error", ErrorNames.RUNTIME, "cause", problem.get()),
          clock.now());
      services.journal().save(execution, new Snapshot.Progress.Ended());
      return false;
    }
    if (progress instanceof Snapshot.Progress.Nested nested) {
      // Registered here, not in the mailbox, so the old tokens work as soon as this returns.
      Map<String, TaskToken> restoredTokens = new LinkedHashMap<>();
      NestedTokens.in(nested.root())
          .forEach(value -> restoredTokens.put(value, restoreToken(execution, value)));
      execution.post(new Signal.ResumeNested(nested, restoredTokens));
      return true;
    }
    if (progress instanceof Snapshot.Progress.InTask task) {
      Optional<TaskToken> token = task.token().map(value -> restoreToken(execution, value));
      execution.post(new Signal.ResumeTask(task, token));
      return true;
    }
    Snapshot.Progress.Suspended suspended = (Snapshot.Progress.Suspended) progress;
    Optional<TaskToken> token = Optional.empty();
    if (suspended.awaiting() instanceof Snapshot.Wait.ForCallback callback) {
      // Registered here, not in the mailbox, so the old token works as soon as this returns.
      token = Optional.of(restoreToken(execution, callback.token()));
    }
    execution.post(new Signal.Resume(suspended, token));
    return true;
  }

  private TaskToken restoreToken(Execution execution, String value) {
    TaskToken restored = new TaskToken(value, execution, Interpreter.ROOT_RUN_ID);
    tokens.restore(restored);
    execution.tokenIssued(restored);
    return restored;
  }

  // ---- callbacks ----

  /**
   * SendTaskSuccess: completes the waiting task with {@code output}.
   *
   * @throws StepFunctionsException.InvalidToken the token is malformed
   * @throws StepFunctionsException.InvalidOutput the output is not JSON
   * @throws StepFunctionsException.TaskDoesNotExist no task was issued this token
   * @throws StepFunctionsException.TaskTimedOut the task timed out or was already closed
   */
  public void sendTaskSuccess(String taskToken, String output) {
    TaskToken token = tokens.find(taskToken);
    JsonNode json =
        Json.tryParse(output)
            .orElseThrow(
                () -> new StepFunctionsException.InvalidOutput("Invalid output: not a JSON text"));
    close(token, new TaskResult.Success(json));
  }

  /** SendTaskFailure: fails the waiting task with {@code error} and {@code cause}. */
  public void sendTaskFailure(String taskToken, Optional<String> error, Optional<String> cause) {
    TaskToken token = tokens.find(taskToken);
    close(token, new TaskResult.Failure(error.orElse(null), cause.orElse(null)));
  }

  /** SendTaskHeartbeat: restarts the task's HeartbeatSeconds clock. */
  public void sendTaskHeartbeat(String taskToken) {
    TaskToken token = tokens.find(taskToken);
    if (!token.beat(clock.now())) {
      throw closedToken();
    }
    if (store.isPresent()) {
      // Saved, or a restart would count the heartbeat interval from an older beat.
      token.execution.post(new Signal.Beat());
    }
  }

  private void close(TaskToken token, TaskResult result) {
    if (!token.close()) {
      throw closedToken();
    }
    // Kept before the caller hears it arrived: the execution saves it with its next snapshot, and
    // a crash before that must not lose an answer Step Functions acknowledged.
    services.journal().saveAnswer(token.execution, token.value, result);
    token.execution.post(new Signal.TaskClosed(token.runId, token, result));
  }

  private static StepFunctionsException closedToken() {
    return new StepFunctionsException.TaskTimedOut(
        "Task Timed Out: the task has timed out or was already closed");
  }

  // ---- what other tools of the engine share ----

  /** The Lambda functions this engine's Task states call (TestState calls the same). */
  public LambdaInvoker lambdaInvoker() {
    return services.lambda();
  }

  /** The engine's time now. */
  public Instant now() {
    return clock.now();
  }

  // ---- quiescence ----

  /**
   * Waits until no execution is mid-transition: every execution has ended or waits on a timer or a
   * callback. Throws if that does not happen within {@link #DEFAULT_IDLE_TIMEOUT}.
   */
  public void awaitIdle() {
    if (!awaitIdle(DEFAULT_IDLE_TIMEOUT)) {
      throw new IllegalStateException("executions still busy after " + DEFAULT_IDLE_TIMEOUT);
    }
  }

  /** Like {@link #awaitIdle()}; returns false instead of throwing when {@code timeout} passes. */
  public boolean awaitIdle(Duration timeout) {
    try {
      return quiescence.await(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    if (store.isPresent()) {
      // Lets answers and steps already under way finish and be saved; a task that outlasts this
      // stays saved as started, and a restart invokes it again.
      awaitIdle(CLOSE_GRACE);
    }
    services.journal().close();
    workers.shutdownNow();
  }

  // ---- lookups ----

  private Execution execution(String arn) {
    Execution execution = executions.get(arn);
    if (execution == null) {
      if (arn == null || !arn.startsWith("arn:")) {
        throw new StepFunctionsException.InvalidArn("Invalid Arn: '" + arn + "'");
      }
      throw new StepFunctionsException.ExecutionDoesNotExist(
          "Execution Does Not Exist: '" + arn + "'");
    }
    return execution;
  }

  /** Configures an engine. */
  public static final class Builder {
    private final RuntimeClock clock;
    private final LambdaInvoker lambda;
    private String region = "us-east-1";
    private String accountId = "000000000000";
    private Random random = new Random();
    private int workers = Math.max(4, Runtime.getRuntime().availableProcessors());
    private ExecutionStore store;
    private StateMachineStore machineStore;
    private Consumer<ExecutionDescription> onClosed = closed -> {};

    private Builder(RuntimeClock clock, LambdaInvoker lambda) {
      this.clock = clock;
      this.lambda = lambda;
    }

    /** Region in ARNs and history (default us-east-1). */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Account id in ARNs (default 000000000000). */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /** Random source for retry jitter and States.UUID; fix its seed for reproducible tests. */
    public Builder random(Random random) {
      this.random = random;
      return this;
    }

    /** Worker threads executing state transitions (default max(4, CPUs)). */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /**
     * Keeps every execution in {@code store} as it moves on, so that {@link #restoreExecutions()}
     * of a later engine can bring them back (default: none, executions live in memory only).
     */
    public Builder store(ExecutionStore store) {
      this.store = store;
      return this;
    }

    /**
     * Keeps the state machines created through the API ({@link #createApiStateMachine}) in {@code
     * store}, so that {@link #restoreStateMachines()} of a later engine can bring them back
     * (default: none, they live in memory only).
     */
    public Builder stateMachineStore(StateMachineStore store) {
      this.machineStore = store;
      return this;
    }

    /**
     * Tells {@code listener} of every execution that closes (succeeded, failed, timed out,
     * aborted), once, right after its final event, on the thread that closed it: the place an
     * EventBridge "Execution Status Change" is emitted. It must not call back into this engine's
     * closing execution; a listener's exception is logged and ignored.
     */
    public Builder onExecutionClosed(Consumer<ExecutionDescription> listener) {
      this.onClosed = listener;
      return this;
    }

    public ExecutionEngine build() {
      return new ExecutionEngine(this);
    }
  }
}
