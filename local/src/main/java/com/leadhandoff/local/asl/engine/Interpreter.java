package com.leadhandoff.local.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.local.asl.eval.Backoff;
import com.leadhandoff.local.asl.eval.ErrorNames;
import com.leadhandoff.local.asl.eval.InputOutput;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.eval.Jsonata;
import com.leadhandoff.local.asl.eval.StatesError;
import com.leadhandoff.local.asl.eval.Variables;
import com.leadhandoff.local.asl.model.Catcher;
import com.leadhandoff.local.asl.model.ChoiceState;
import com.leadhandoff.local.asl.model.FailState;
import com.leadhandoff.local.asl.model.MapState;
import com.leadhandoff.local.asl.model.ParallelState;
import com.leadhandoff.local.asl.model.PassState;
import com.leadhandoff.local.asl.model.Program;
import com.leadhandoff.local.asl.model.Retrier;
import com.leadhandoff.local.asl.model.State;
import com.leadhandoff.local.asl.model.SucceedState;
import com.leadhandoff.local.asl.model.TaskResource;
import com.leadhandoff.local.asl.model.TaskState;
import com.leadhandoff.local.asl.model.WaitState;
import com.leadhandoff.local.clock.RuntimeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Runs one execution: reacts to its signals, moves its runs from state to state, and applies Retry
 * and Catch. Called by the execution's mailbox, one signal at a time, so it needs no locks. Work is
 * trampolined through a queue, so long chains of states never deepen the stack.
 */
final class Interpreter {
  /** The id of the top-level run: the first run an interpreter makes, begun or resumed. */
  static final long ROOT_RUN_ID = 1;

  private final Execution execution;
  private final Services services;
  private final Map<Long, Run> runs = new HashMap<>();
  private final Deque<Runnable> work = new ArrayDeque<>();
  private long nextRunId = 1;
  private long nextTimerId = 1;
  private Optional<RuntimeClock.Timer> executionTimer = Optional.empty();
  private Run root;
  private boolean savedClosed;

  Interpreter(Execution execution, Services services) {
    this.execution = execution;
    this.services = services;
  }

  void handle(Signal signal) {
    try {
      process(signal);
    } finally {
      // Every signal ends with the execution closed or all its runs suspended: the state to save.
      checkpoint();
    }
  }

  private void process(Signal signal) {
    try {
      if (execution.isClosed()) {
        releaseAll();
        return;
      }
      dispatch(signal);
      while (!work.isEmpty()) {
        if (execution.isClosed()) {
          work.clear();
          releaseAll();
          return;
        }
        if (execution.eventCount() > Execution.MAX_EVENTS) {
          closeExecution(
              ExecutionStatus.FAILED,
              "ExecutionFailed",
              StateCall.details(
                  "error",
                  ErrorNames.RUNTIME,
                  "cause",
                  "The execution history exceeded " + Execution.MAX_EVENTS + " events"),
              Optional.empty());
          return;
        }
        work.poll().run();
      }
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError bug) {
      // Never lose an execution silently: an interpreter bug fails it visibly.
      work.clear();
      closeExecution(
          ExecutionStatus.FAILED,
          "ExecutionFailed",
          StateCall.details(
              "error", ErrorNames.RUNTIME, "cause", "Local interpreter error: " + bug),
          Optional.empty());
    }
  }

  private void dispatch(Signal signal) {
    if (signal instanceof Signal.Begin) {
      begin();
    } else if (signal instanceof Signal.TimerFired fired) {
      timerFired(fired);
    } else if (signal instanceof Signal.TaskClosed closed) {
      taskClosed(closed);
    } else if (signal instanceof Signal.Resume resume) {
      resume(resume);
    } else if (signal instanceof Signal.ResumeTask resume) {
      resumeTask(resume);
    } else if (signal instanceof Signal.ResumeNested resume) {
      resumeNested(resume);
    } else if (signal instanceof Signal.Beat) {
      return; // handled by the checkpoint every signal ends with
    } else {
      releaseAll();
    }
  }

  private void begin() {
    ObjectNode started =
        StateCall.details(
            "input", Json.write(execution.inputJson), "roleArn", execution.machine.roleArn());
    started.putObject("inputDetails").put("truncated", false);
    long startedId =
        execution.record("ExecutionStarted", 0, started, now()).map(HistoryEvent::id).orElse(0L);
    armExecutionTimeout();
    Program program = execution.machine.definition().program();
    Run run = newRun(program, Optional.empty(), -1, startedId);
    root = run;
    later(run, () -> enter(run, program.startAt(), execution.inputJson));
  }

  /** The state machine's TimeoutSeconds, counted from the start (also across a restart). */
  private void armExecutionTimeout() {
    Optional<Integer> seconds = execution.machine.definition().timeoutSeconds();
    if (seconds.isEmpty()) {
      return;
    }
    Instant due = execution.startDate.plusSeconds(seconds.get());
    if (due.isAfter(now())) {
      executionTimer = Optional.of(services.clock().schedule(due, this::executionTimedOut));
    } else {
      executionTimedOut();
    }
  }

  /**
   * Carries on a restored execution: its top-level run is back in its state, waiting as it was. The
   * engine checked that the (possibly changed) definition still has a matching state.
   */
  private void resume(Signal.Resume resume) {
    armExecutionTimeout();
    if (execution.isClosed()) {
      return;
    }
    Run run = restoreRoot(resume.saved().run());
    Snapshot.Wait wait = resume.saved().awaiting();
    if (wait instanceof Snapshot.Wait.ForCallback callback) {
      restoreCallback(run, callback, resume.token().orElseThrow());
    } else {
      restoreTimer(run, wait);
    }
  }

  /** A restored run waits on its callback token again, with the clocks it had. */
  private void restoreCallback(Run run, Snapshot.Wait.ForCallback callback, TaskToken token) {
    run.waiting = new Waiting.Callback(token);
    token.resume(
        services.clock(),
        callback.deadline(),
        callback.heartbeatSeconds().map(Duration::ofSeconds),
        callback.lastBeat());
  }

  /** Re-arms a restored run's Wait state or retry timer, due when it was. */
  private void restoreTimer(Run run, Snapshot.Wait wait) {
    long timerId = nextTimerId++;
    if (wait instanceof Snapshot.Wait.ForWaitState timer) {
      run.waiting =
          new Waiting.WaitTimer(timerId, schedule(run, timerId, timer.due()), timer.output());
    } else {
      Instant due = ((Snapshot.Wait.ForRetry) wait).due();
      run.waiting = new Waiting.RetryTimer(timerId, schedule(run, timerId, due));
    }
  }

  /**
   * Carries on a restored execution that was inside a Parallel or Map state: every saved run is
   * back in its state, and each carries on as a top-level run would (timers due when they were, an
   * interrupted Lambda task invoked again). The engine checked the tree against the definition.
   */
  private void resumeNested(Signal.ResumeNested resume) {
    armExecutionTimeout();
    if (execution.isClosed()) {
      return;
    }
    Snapshot.Node node = resume.saved().root();
    Run run = restoreRoot(SavedRuns.runOf(node).orElseThrow());
    restoreNode(run, node, resume.tokens());
  }

  /** Sets a restored run waiting or working as it was, restoring the runs under it. */
  private void restoreNode(Run run, Snapshot.Node node, Map<String, TaskToken> tokens) {
    if (node instanceof Snapshot.Node.Entered) {
      run.startQueued = true;
      later(run, () -> apply(run, start(run, current(run))));
    } else if (node instanceof Snapshot.Node.Task task) {
      restoreTask(run, task, task.token().map(tokens::get));
    } else if (node instanceof Snapshot.Node.Suspended suspended) {
      if (suspended.awaiting() instanceof Snapshot.Wait.ForCallback callback) {
        restoreCallback(run, callback, tokens.get(callback.token()));
      } else {
        restoreTimer(run, suspended.awaiting());
      }
    } else if (node instanceof Snapshot.Node.Branches saved) {
      ParallelState state = (ParallelState) current(run);
      Map<Run, Snapshot.Node> children = new LinkedHashMap<>();
      new TreeMap<>(saved.running())
          .forEach(
              (index, child) ->
                  children.put(
                      restoreChild(state.branches().get(index), run, index, child), child));
      run.waiting =
          new Waiting.Branches(
              new ArrayList<>(children.keySet()),
              saved.input(),
              state.branches().size(),
              saved.results());
      // Open again, so a stop after the restart records ParallelStateAborted as before it.
      synchronized (execution) {
        execution.blocks.parallelStarted(
            run.id, state.name(), children.keySet().stream().map(child -> child.id).toList());
      }
      children.forEach(
          (child, childNode) -> restoreChildNode(child, childNode, saved.input(), tokens));
    } else {
      Snapshot.Node.Iterations saved = (Snapshot.Node.Iterations) node;
      MapState state = (MapState) current(run);
      MapIterations map = MapIterations.restored(saved.inputs(), saved.results(), saved.counts());
      run.waiting = new Waiting.Iterations(map);
      synchronized (execution) {
        execution.blocks.mapStarted(run.id, state.name());
      }
      new TreeMap<>(saved.running())
          .forEach(
              (index, childNode) -> {
                Run child = restoreChild(state.processor(), run, index, childNode);
                map.started(index, child);
                synchronized (execution) {
                  execution.blocks.iteration(run.id, index, child.id);
                }
                restoreChildNode(child, childNode, map.input(index), tokens);
              });
      later(run, () -> launchIterations(run, map));
    }
  }

  private void restoreChildNode(
      Run child, Snapshot.Node node, JsonNode input, Map<String, TaskToken> tokens) {
    if (node instanceof Snapshot.Node.Fresh) {
      later(child, () -> enter(child, child.program.startAt(), input));
    } else {
      restoreNode(child, node, tokens);
    }
  }

  /** A branch or iteration run back in its saved state, reading its parent's variables. */
  private Run restoreChild(Program program, Run parent, int index, Snapshot.Node node) {
    Snapshot.RunState saved = SavedRuns.runOf(node).orElse(null);
    if (saved == null) {
      Run fresh = newRun(program, Optional.of(parent), index, parent.lastEventId);
      fresh.variables = parent.variables.child();
      return fresh;
    }
    Run run = newRun(program, Optional.of(parent), index, saved.lastEventId());
    fill(run, saved);
    run.variables = parent.variables.restoreChild(saved.variables());
    run.enteredEventId = enteredAlongChain(run);
    return run;
  }

  /**
   * The StateEntered event of a restored run's state, found along the run's own event chain (a
   * branch's or iteration's events interleave with others', so the latest StateEntered in the
   * history need not be this run's).
   */
  private long enteredAlongChain(Run run) {
    List<HistoryEvent> history = execution.history();
    long id = run.lastEventId;
    while (id > 0 && id <= history.size()) {
      HistoryEvent event = history.get((int) id - 1);
      if (event.id() == id
          && event.type().endsWith("StateEntered")
          && run.stateName.equals(event.detail("name").orElse(null))) {
        return id;
      }
      id = event.id() == id ? event.previousEventId() : id - 1;
    }
    return run.lastEventId;
  }

  /**
   * Carries on a restored execution that was in the middle of a Task state: the answer it had taken
   * is recorded, or else the task is invoked again with its first token and deadline (at least
   * once, as Lambda retries an invocation; the handlers are idempotent).
   */
  private void resumeTask(Signal.ResumeTask resume) {
    armExecutionTimeout();
    if (execution.isClosed()) {
      return;
    }
    Snapshot.Progress.InTask saved = resume.saved();
    Run run = restoreRoot(saved.run());
    restoreTask(
        run,
        new Snapshot.Node.Task(saved.run(), saved.token(), saved.startedAt(), saved.answer()),
        resume.token());
  }

  /** A restored run in a Task state records the answer it had taken, or invokes it again. */
  private void restoreTask(Run run, Snapshot.Node.Task saved, Optional<TaskToken> token) {
    TaskState state = (TaskState) current(run);
    run.attempt = new TaskAttempt(token, saved.startedAt());
    if (saved.answer().isPresent()) {
      TaskResult answer = saved.answer().get();
      run.answer = answer;
      token.ifPresent(TaskToken::close);
      later(run, () -> apply(run, guarded(run, () -> TaskRunner.resume(state, call(run), answer))));
    } else {
      later(run, () -> apply(run, start(run, state)));
    }
  }

  /** The top-level run back in its saved state, before it carries on. */
  private Run restoreRoot(Snapshot.RunState saved) {
    Program program = execution.machine.definition().program();
    Run run = newRun(program, Optional.empty(), -1, saved.lastEventId());
    root = run;
    fill(run, saved);
    run.variables = Variables.restore(saved.variables());
    run.enteredEventId = enteredAlongChain(run);
    return run;
  }

  /** A restored run's state, input and retry counters as they were saved. */
  private static void fill(Run run, Snapshot.RunState saved) {
    run.stateName = saved.stateName();
    run.stateInput = saved.stateInput();
    run.enteredTime = saved.enteredTime();
    run.retryCount = saved.retryCount();
    // A changed definition may have more or fewer retriers; counters carry over where they exist.
    run.retries = new int[retriers(current(run)).size()];
    for (int i = 0; i < Math.min(run.retries.length, saved.retries().size()); i++) {
      run.retries[i] = saved.retries().get(i);
    }
  }

  /** Runs on the clock thread: closes the execution at once, then lets the mailbox clean up. */
  private void executionTimedOut() {
    boolean closed =
        execution.close(
            ExecutionStatus.TIMED_OUT,
            "ExecutionTimedOut",
            Optional.empty(),
            StateCall.details(
                "error",
                ErrorNames.TIMEOUT,
                "cause",
                "The execution ran longer than the state machine's TimeoutSeconds"),
            now());
    if (closed) {
      execution.post(new Signal.Closed());
    }
  }

  private void timerFired(Signal.TimerFired fired) {
    Run run = runs.get(fired.runId());
    if (run == null) {
      return;
    }
    if (run.waiting instanceof Waiting.WaitTimer timer && timer.timerId() == fired.timerId()) {
      run.waiting = null;
      WaitState state = (WaitState) current(run);
      later(
          run,
          () -> apply(run, guarded(run, () -> WaitRunner.exit(state, call(run), timer.output()))));
    } else if (run.waiting instanceof Waiting.RetryTimer timer
        && timer.timerId() == fired.timerId()) {
      run.waiting = null;
      later(run, () -> apply(run, start(run, current(run))));
    }
  }

  private void taskClosed(Signal.TaskClosed closed) {
    Run run = runWaitingOn(closed.token()).orElse(null);
    if (run != null
        && run.waiting instanceof Waiting.Callback callback
        && callback.token() == closed.token()) {
      run.waiting = null;
      // The answer was taken; saved with it, so a restart records this answer rather than wait.
      run.answer = closed.result();
      checkpoint();
      TaskState state = (TaskState) current(run);
      later(
          run,
          () ->
              apply(run, guarded(run, () -> TaskRunner.resume(state, call(run), closed.result()))));
    }
  }

  /**
   * The run waiting on {@code token}: the run it was issued to, or, for a token restored after a
   * restart (which names no run of this interpreter), the restored run waiting on it.
   */
  private Optional<Run> runWaitingOn(TaskToken token) {
    Run issuedTo = runs.get(token.runId);
    if (issuedTo != null
        && issuedTo.waiting instanceof Waiting.Callback callback
        && callback.token() == token) {
      return Optional.of(issuedTo);
    }
    return runs.values().stream()
        .filter(r -> r.waiting instanceof Waiting.Callback c && c.token() == token)
        .findFirst();
  }

  // ---- moving through states ----

  private void enter(Run run, String name, JsonNode input) {
    State state = run.program.state(name);
    run.stateName = name;
    run.stateInput = input;
    run.enteredTime = now();
    run.retryCount = 0;
    run.retries = new int[retriers(state).size()];
    run.attempt = null;
    run.answer = null;
    ObjectNode details = StateCall.details("name", name, "input", Json.write(input));
    details.putObject("inputDetails").put("truncated", false);
    call(run).emit(state.type() + "StateEntered", details);
    run.enteredEventId = run.lastEventId;
    run.startQueued = true;
    later(run, () -> apply(run, start(run, state)));
  }

  /** Runs the state's own work: everything after StateEntered (and again on each retry). */
  private Step start(Run run, State state) {
    run.startQueued = false;
    run.pendingAssign = null;
    if (state instanceof TaskState task && run.attempt == null) {
      run.attempt = attempt(run, task);
    }
    if (state instanceof TaskState) {
      // Saved with its attempt before the Lambda runs: a restart invokes it again, same token.
      checkpoint();
    }
    StateCall call = call(run);
    return guarded(
        run,
        () -> {
          if (state instanceof PassState s) {
            return PassRunner.start(s, call);
          } else if (state instanceof TaskState s) {
            return TaskRunner.start(s, call, run.attempt);
          } else if (state instanceof ChoiceState s) {
            return ChoiceRunner.start(s, call);
          } else if (state instanceof WaitState s) {
            return startWait(run, s, call);
          } else if (state instanceof SucceedState s) {
            return SucceedRunner.start(s, call);
          } else if (state instanceof FailState s) {
            return FailRunner.start(s, call);
          } else if (state instanceof MapState s) {
            return startMap(run, s, call);
          }
          return startParallel(run, (ParallelState) state, call);
        });
  }

  private TaskAttempt attempt(Run run, TaskState state) {
    boolean callback =
        state.resource() instanceof TaskResource.LambdaInvoke invoke && invoke.waitForTaskToken();
    Optional<TaskToken> token =
        callback ? Optional.of(services.tokens().issue(execution, run.id)) : Optional.empty();
    return new TaskAttempt(token, now());
  }

  private Step startWait(Run run, WaitState state, StateCall call) {
    JsonNode effective =
        InputOutput.effectiveInput(call.rawInput(), state.io().inputPath(), call.context());
    Instant until = WaitRunner.until(state, call, effective, now());
    JsonNode output = WaitRunner.output(state, effective, call.context());
    long timerId = nextTimerId++;
    return new Step.Suspended(
        new Waiting.WaitTimer(timerId, schedule(run, timerId, until), output));
  }

  private Step startParallel(Run run, ParallelState state, StateCall call) {
    JsonNode input = ParallelRunner.branchInput(state, call);
    List<Run> children = new ArrayList<>();
    synchronized (execution) {
      call.emit("ParallelStateStarted", Json.object());
      for (int i = 0; i < state.branches().size(); i++) {
        Run child = newRun(state.branches().get(i), Optional.of(run), i, run.lastEventId);
        // A branch reads the variables visible here and cannot assign them.
        child.variables = run.variables.child();
        children.add(child);
      }
      execution.blocks.parallelStarted(
          run.id, state.name(), children.stream().map(child -> child.id).toList());
    }
    return new Step.Suspended(new Waiting.Branches(children, input));
  }

  private Step startMap(Run run, MapState state, StateCall call) {
    MapIterations map = MapRunner.start(state, call);
    synchronized (execution) {
      call.emit("MapStateStarted", MapRunner.startedDetails(map));
      execution.blocks.mapStarted(run.id, state.name());
    }
    if (map.size() == 0) {
      emitEnded(call, run, "MapStateSucceeded");
      return MapRunner.finish(state, call, map.results());
    }
    return new Step.Suspended(new Waiting.Iterations(map));
  }

  /** Starts as many of a Map state's iterations as its concurrency allows. */
  private void launchIterations(Run parent, MapIterations map) {
    MapState state = (MapState) current(parent);
    while (map.canLaunch()) {
      int index = map.launchNext();
      Run child;
      synchronized (execution) {
        call(parent).emit("MapIterationStarted", MapRunner.iterationDetails(state, index));
        child = newRun(state.processor(), Optional.of(parent), index, parent.lastEventId);
        execution.blocks.iteration(parent.id, index, child.id);
      }
      // As a Parallel branch: the iteration reads the outer variables and cannot assign them; its
      // own vanish when it ends (developer guide, "Passing data between states with variables").
      child.variables = parent.variables.child();
      map.started(index, child);
      later(child, () -> enter(child, child.program.startAt(), map.input(index)));
    }
  }

  /** An iteration ended, successfully or within the tolerated failures: start more, or finish. */
  private void iterationEnded(Run parent, Run child, MapIterations map) {
    parent.lastEventId = child.lastEventId;
    if (!map.complete()) {
      launchIterations(parent, map);
      return;
    }
    parent.waiting = null;
    MapState state = (MapState) current(parent);
    emitEnded(call(parent), parent, "MapStateSucceeded");
    later(
        parent,
        () ->
            apply(
                parent,
                guarded(parent, () -> MapRunner.finish(state, call(parent), map.results()))));
  }

  /** An iteration failed: the Map fails with its error (or the threshold's), stopping the rest. */
  private void iterationFailed(Run parent, Run child, MapIterations map, Step.Failed failed) {
    MapState state = (MapState) current(parent);
    synchronized (execution) {
      call(child).emit("MapIterationFailed", MapRunner.iterationDetails(state, child.branchIndex));
      execution.blocks.iterationEnded(parent.id, child.branchIndex);
    }
    if (map.tolerated(child.branchIndex, failed.error(), failed.cause())) {
      iterationEnded(parent, child, map);
      return;
    }
    parent.lastEventId = child.lastEventId;
    List<Run> running = List.copyOf(map.running());
    synchronized (execution) {
      for (Run other : running) {
        call(parent)
            .emit("MapIterationAborted", MapRunner.iterationDetails(state, other.branchIndex));
      }
      emitEnded(call(parent), parent, "MapStateFailed");
    }
    running.forEach(this::release);
    parent.waiting = null;
    Step.Failed mapFailure = state.toleratesFailures() ? MapRunner.thresholdExceeded() : failed;
    later(parent, () -> failure(parent, mapFailure));
  }

  private void apply(Run run, Step step) {
    if (step instanceof Step.Next next) {
      exited(run, next.output());
      enter(run, next.next(), next.output());
    } else if (step instanceof Step.End end) {
      exited(run, end.output());
      finish(run, end.output());
    } else if (step instanceof Step.Failed failed) {
      run.pendingAssign = null;
      if (Jsonata.QUERY_EVALUATION_ERROR.equals(failed.error())) {
        // The history shows which expression failed, as Step Functions' EvaluationFailed does.
        call(run)
            .emit(
                "EvaluationFailed",
                StateCall.details(
                    "state", run.stateName, "error", failed.error(), "cause", failed.cause()));
      }
      failure(run, failed);
    } else {
      run.waiting = ((Step.Suspended) step).waiting();
      if (run.waiting instanceof Waiting.Branches branches) {
        for (Run child : branches.children) {
          later(child, () -> enter(child, child.program.startAt(), branches.input));
        }
      } else if (run.waiting instanceof Waiting.Iterations iterations) {
        launchIterations(run, iterations.map());
      }
    }
  }

  private void exited(Run run, JsonNode output) {
    State state = current(run);
    ObjectNode details = StateCall.withOutput(StateCall.details("name", state.name()), output);
    Assignments.commit(run, details);
    call(run).emit(state.type() + "StateExited", details);
  }

  /** A run ended successfully: the execution succeeds, or its Parallel collects the output. */
  private void finish(Run run, JsonNode output) {
    release(run);
    if (run.parent.isEmpty()) {
      closeExecution(
          ExecutionStatus.SUCCEEDED,
          "ExecutionSucceeded",
          StateCall.withOutput(Json.object(), output),
          Optional.of(run.lastEventId));
      return;
    }
    Run parent = run.parent.get();
    if (parent.waiting instanceof Waiting.Iterations iterations) {
      MapState state = (MapState) current(parent);
      synchronized (execution) {
        call(run).emit("MapIterationSucceeded", MapRunner.iterationDetails(state, run.branchIndex));
        execution.blocks.iterationEnded(parent.id, run.branchIndex);
      }
      iterations.map().succeeded(run.branchIndex, output);
      iterationEnded(parent, run, iterations.map());
      return;
    }
    Waiting.Branches branches = (Waiting.Branches) parent.waiting;
    branches.results[run.branchIndex] = output;
    if (--branches.remaining == 0) {
      parent.waiting = null;
      parent.lastEventId = run.lastEventId;
      ParallelState state = (ParallelState) current(parent);
      emitEnded(call(parent), parent, "ParallelStateSucceeded");
      later(
          parent,
          () ->
              apply(
                  parent,
                  guarded(
                      parent, () -> ParallelRunner.finish(state, call(parent), branches.results))));
    }
  }

  // ---- errors: Retry, then Catch, then fail the run ----

  private void failure(Run run, Step.Failed failed) {
    State state = current(run);
    List<Retrier> retriers = retriers(state);
    for (int i = 0; i < retriers.size(); i++) {
      Retrier retrier = retriers.get(i);
      if (ErrorNames.matches(retrier.errorEquals(), failed.error(), failed.fromBranch())) {
        // The first matching retrier decides; once it is exhausted, Catch gets the error.
        if (run.retries[i] < retrier.maxAttempts()) {
          retry(run, retrier, i);
          return;
        }
        break;
      }
    }
    List<Catcher> catchers = catchers(state);
    for (int i = 0; i < catchers.size(); i++) {
      Catcher catcher = catchers.get(i);
      if (ErrorNames.matches(catcher.errorEquals(), failed.error(), failed.fromBranch())) {
        ObjectNode errorOutput = Json.object();
        errorOutput.put("Error", failed.error());
        errorOutput.put("Cause", failed.cause());
        JsonNode output;
        try {
          output = Assignments.caught(call(run), i, errorOutput, catcher.resultPath());
        } catch (StatesError e) {
          failRun(run, new Step.Failed(e.error(), call(run).stateFailureCause(e.cause())));
          return;
        }
        exited(run, output);
        enter(run, catcher.next(), output);
        return;
      }
    }
    failRun(run, failed);
  }

  private void retry(Run run, Retrier retrier, int index) {
    Duration delay = Backoff.delay(retrier, run.retries[index], services.random());
    run.retries[index]++;
    run.retryCount++;
    run.attempt = null;
    run.answer = null;
    long timerId = nextTimerId++;
    run.waiting = new Waiting.RetryTimer(timerId, schedule(run, timerId, now().plus(delay)));
  }

  /** A run failed with no Retry or Catch left: the execution fails, or its Parallel does. */
  private void failRun(Run run, Step.Failed failed) {
    release(run);
    if (run.parent.isEmpty()) {
      closeExecution(
          ExecutionStatus.FAILED,
          "ExecutionFailed",
          StateCall.details("error", failed.error(), "cause", failed.cause()),
          Optional.of(run.lastEventId));
      return;
    }
    Run parent = run.parent.get();
    if (parent.waiting instanceof Waiting.Iterations iterations) {
      iterationFailed(parent, run, iterations.map(), failed);
      return;
    }
    Waiting.Branches branches = (Waiting.Branches) parent.waiting;
    branches.children.forEach(this::release);
    parent.waiting = null;
    parent.lastEventId = run.lastEventId;
    emitEnded(call(parent), parent, "ParallelStateFailed");
    later(parent, () -> failure(parent, new Step.Failed(failed.error(), failed.cause(), true)));
  }

  // ---- saving ----

  private void checkpoint() {
    if (!services.journal().enabled() || savedClosed) {
      return;
    }
    boolean closed = execution.isClosed();
    Optional<Snapshot.Progress> progress = progress();
    if (progress.isEmpty()) {
      // A branch is between two steps a restart could not take again: the last snapshot, from
      // the end of an earlier signal, stands; a restart redoes this signal's work from there (at
      // least once, as a task invoked again; an answer taken is kept apart by the engine).
      return;
    }
    services.journal().save(execution, progress.get());
    savedClosed = closed;
  }

  /**
   * How far the top-level run got, as a store keeps it; empty when a run inside a Parallel or Map
   * state is between two steps a restart could not take again.
   */
  private Optional<Snapshot.Progress> progress() {
    if (root == null) {
      return Optional.of(new Snapshot.Progress.NotBegun());
    }
    Waiting waiting = root.waiting;
    if (!root.alive) {
      return Optional.of(new Snapshot.Progress.Ended());
    }
    if (waiting == null && root.attempt != null) {
      TaskAttempt attempt = root.attempt;
      return Optional.of(
          new Snapshot.Progress.InTask(
              SavedRuns.runState(root),
              attempt.token().map(t -> t.value),
              attempt.startedAt(),
              Optional.ofNullable(root.answer)));
    }
    if (waiting == null) {
      return Optional.of(new Snapshot.Progress.Busy(root.stateName));
    }
    if (waiting instanceof Waiting.Branches || waiting instanceof Waiting.Iterations) {
      return SavedRuns.tree(root).map(Snapshot.Progress.Nested::new);
    }
    return Optional.of(
        new Snapshot.Progress.Suspended(SavedRuns.runState(root), SavedRuns.savedWait(waiting)));
  }

  // ---- plumbing ----

  private Run newRun(Program program, Optional<Run> parent, int branchIndex, long lastEventId) {
    Run run = new Run(nextRunId++, program, parent, branchIndex, lastEventId);
    runs.put(run.id, run);
    return run;
  }

  /** Queues work for a run; it is skipped if the run was released meanwhile. */
  private void later(Run run, Runnable action) {
    work.add(
        () -> {
          if (run.alive) {
            action.run();
          }
        });
  }

  private RuntimeClock.Timer schedule(Run run, long timerId, Instant due) {
    Signal signal = new Signal.TimerFired(run.id, timerId);
    if (!due.isAfter(now())) {
      execution.post(signal);
      return new RuntimeClock.Timer() {
        @Override
        public Instant due() {
          return due;
        }

        @Override
        public boolean cancel() {
          return false;
        }
      };
    }
    return services.clock().schedule(due, () -> execution.post(signal));
  }

  /**
   * Records the end of the Parallel or Map state open in {@code owner} ({@code type}: its Succeeded
   * or Failed event) and forgets it as open, at once for a stop (see {@link OpenBlocks}).
   */
  private void emitEnded(StateCall call, Run owner, String type) {
    synchronized (execution) {
      call.emit(type, Json.object());
      execution.blocks.ended(owner.id);
    }
  }

  /** Stops a run and everything it waits on: timers cancelled, tokens closed, branches too. */
  private void release(Run run) {
    run.alive = false;
    execution.blocks.ended(run.id);
    runs.remove(run.id);
    Waiting waiting = run.waiting;
    run.waiting = null;
    if (waiting instanceof Waiting.WaitTimer timer) {
      timer.timer().cancel();
    } else if (waiting instanceof Waiting.RetryTimer timer) {
      timer.timer().cancel();
    } else if (waiting instanceof Waiting.Callback callback) {
      callback.token().close();
    } else if (waiting instanceof Waiting.Branches branches) {
      branches.children.forEach(this::release);
    } else if (waiting instanceof Waiting.Iterations iterations) {
      iterations.map().running().forEach(this::release);
    }
  }

  private void releaseAll() {
    new ArrayList<>(runs.values()).forEach(this::release);
    executionTimer.ifPresent(RuntimeClock.Timer::cancel);
  }

  private void closeExecution(
      ExecutionStatus status, String type, ObjectNode details, Optional<Long> previous) {
    execution.close(status, type, previous, details, now());
    work.clear();
    releaseAll();
  }

  /** Runs state work; an error it raises fails the state, with Step Functions' cause prefix. */
  private Step guarded(Run run, Supplier<Step> body) {
    try {
      return body.get();
    } catch (StatesError e) {
      return new Step.Failed(e.error(), call(run).stateFailureCause(e.cause()));
    }
  }

  private StateCall call(Run run) {
    return new StateCall(execution, run, services);
  }

  private static State current(Run run) {
    return run.program.state(Objects.requireNonNull(run.stateName));
  }

  private static List<Retrier> retriers(State state) {
    if (state instanceof TaskState s) {
      return s.retriers();
    }
    if (state instanceof MapState s) {
      return s.retriers();
    }
    return state instanceof ParallelState s ? s.retriers() : List.of();
  }

  private static List<Catcher> catchers(State state) {
    if (state instanceof TaskState s) {
      return s.catchers();
    }
    if (state instanceof MapState s) {
      return s.catchers();
    }
    return state instanceof ParallelState s ? s.catchers() : List.of();
  }

  private Instant now() {
    return services.clock().now();
  }
}
