package com.leadhandoff.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.local.asl.engine.StepFunctionsException;
import com.leadhandoff.local.asl.eval.Json;
import com.leadhandoff.local.asl.validate.DefinitionValidator;
import com.leadhandoff.local.asl.validate.Diagnostic;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run FILE.asl.json [--input JSON] [--virtual-clock]}: runs a definition once, in-process,
 * and prints the states entered, the status and the output (or error and cause). Exit status: 0
 * when the execution succeeded, 1 when it failed, timed out or was left waiting, 2 when it could
 * not run (usage, unreadable file, invalid definition, input that is not JSON, Task states).
 */
@Command(
    name = "run",
    description =
        "Runs an Amazon States Language definition once, in-process, and prints how it went.",
    mixinStandardHelpOptions = true)
public final class RunCommand implements Callable<Integer> {
  /** The execution succeeded. */
  public static final int SUCCEEDED = 0;

  /** The execution failed, timed out, or waits on a callback it cannot get. */
  public static final int EXECUTION_FAILED = 1;

  /** The definition or the input could not be run at all. */
  public static final int CANNOT_RUN = 2;

  @Parameters(index = "0", paramLabel = "FILE.asl.json", description = "the definition to run")
  private Path file;

  @Option(names = "--input", paramLabel = "JSON", description = "the execution input (default: {})")
  private String input = "{}";

  @Option(
      names = "--virtual-clock",
      description = "skip waits: time jumps to each timer (Wait states, retry backoff, timeouts)")
  private boolean virtualClock;

  private final PrintStream out;

  private RunCommand(PrintStream out) {
    this.out = out;
  }

  /** Runs the command with {@code args} (those after {@code run}); returns the exit status. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    CommandLine line = new CommandLine(new RunCommand(out));
    line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    line.setExitCodeExceptionMapper(e -> CANNOT_RUN);
    line.setParameterExceptionHandler(
        (e, a) -> {
          e.getCommandLine().getErr().println(e.getMessage());
          e.getCommandLine().usage(e.getCommandLine().getErr());
          return CANNOT_RUN;
        });
    return line.execute(args);
  }

  @Override
  public Integer call() throws InterruptedException {
    String definition;
    try {
      definition = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      out.println("cannot read " + file + ": " + e.getMessage());
      return CANNOT_RUN;
    }
    List<Diagnostic> diagnostics = DefinitionValidator.validate(definition, false);
    if (!diagnostics.isEmpty()) {
      out.println(file + " is not a valid state machine definition:");
      diagnostics.forEach(d -> out.println("  " + d.toLine()));
      return CANNOT_RUN;
    }
    JsonNode json = Json.tryParse(definition).orElseThrow();
    List<String> tasks = LambdaTasks.in(json);
    if (!tasks.isEmpty()) {
      out.println("The run command has no Lambda functions to call, and this definition has:");
      tasks.forEach(t -> out.println("  " + t));
      out.println(
          "Run it in the local runtime instead (java -jar local/target/lead-handoff-local.jar),"
              + " where Task states call the template's functions: StartExecution, or TestState"
              + " for one state, on its Step Functions endpoint.");
      return CANNOT_RUN;
    }
    RunReport report;
    try {
      report = AdHocRun.run(definition, input, virtualClock);
    } catch (StepFunctionsException e) {
      out.println("cannot run " + file + ": " + e.getMessage());
      return CANNOT_RUN;
    }
    print(report);
    return report.succeeded() ? SUCCEEDED : EXECUTION_FAILED;
  }

  private void print(RunReport report) {
    out.println("states entered:");
    report.statesEntered().forEach(s -> out.println("  " + s));
    out.println("status: " + report.status());
    report.error().ifPresent(e -> out.println("error: " + e));
    report.cause().ifPresent(c -> out.println("cause: " + c));
    if ("RUNNING".equals(report.status())) {
      out.println("cause: the execution waits on something only a callback could bring");
    }
    report.output().ifPresent(o -> out.println("output: " + o));
  }
}
