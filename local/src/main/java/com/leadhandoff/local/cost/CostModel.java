package com.leadhandoff.local.cost;

import com.leadhandoff.local.LocalRuntime;
import com.leadhandoff.local.clock.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the demo's scenarios in the local runtime and prints what a lead costs on AWS: state
 * transitions, Lambda invocations and GB-seconds, DynamoDB request units and calls, emails, API
 * requests and events per lead, then the cost per 1,000 leads at {@link Prices list prices} for
 * x86_64 and arm64 Lambda, beside the floor the scenario's work allows (see docs/cost-model.md):
 *
 * <pre>
 *   java -cp local/target/lead-handoff-local.jar com.leadhandoff.local.cost.CostModel [--leads 20]
 *   java -cp local/target/lead-handoff-local.jar com.leadhandoff.local.cost.CostModel --take-in
 * </pre>
 */
@Command(
    name = "cost-model",
    mixinStandardHelpOptions = true,
    description = "Prints what a lead costs on AWS, measured in the local runtime.")
public final class CostModel implements Callable<Integer> {
  /** A Monday 09:00 in Berlin: the demo's hot leads are offered within working hours. */
  private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

  @Option(
      names = "--leads",
      defaultValue = "20",
      description = "Leads per scenario, averaged (default ${DEFAULT-VALUE}).")
  int leads;

  @Option(
      names = "--take-in",
      description =
          "Prints only the DynamoDB requests that intake and Take In Lead make for the first"
              + " standard lead of a fresh runtime, by operation and table.")
  boolean takeInOnly;

  @Option(
      names = "--project",
      defaultValue = ".",
      description = "The project folder holding template.yaml (default: the current folder).")
  Path project;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CostModel()).execute(args));
  }

  @Override
  public Integer call() {
    if (leads < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--leads must be at least 1, got " + leads);
    }
    PrintStream out = System.out;
    List<Measured> measured = List.of();
    Map<String, Long> takeIn = Map.of();
    // The functions print their metrics to standard output, as CloudWatch's Embedded Metric
    // Format expects; hundreds of lines that would bury the table.
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      // One runtime per JVM: the functions build their SDK clients once, for the first one.
      if (takeInOnly) {
        takeIn = takeInRequests(project.toAbsolutePath());
      } else {
        measured = measure(project.toAbsolutePath(), leads);
      }
    } finally {
      System.setOut(out);
    }
    if (takeInOnly) {
      out.printf(
          Locale.ROOT,
          "%s: %d%n",
          TAKE_IN_TITLE,
          takeIn.values().stream().mapToLong(Long::longValue).sum());
      takeIn.forEach((call, count) -> out.printf(Locale.ROOT, "    %-44s %d%n", call, count));
    } else {
      out.print(Report.of(measured, Prices.usEast1()));
    }
    return 0;
  }

  /** The first line {@code --take-in} prints, before the count. */
  static final String TAKE_IN_TITLE =
      "DynamoDB requests of intake and Take In Lead for one standard lead";

  /**
   * The DynamoDB requests intake and Take In Lead make for the first standard lead of a fresh
   * runtime, by operation and table (see {@link ScenarioRunner#takeInRequests}). The functions
   * reach the first runtime a JVM starts, so this must be it.
   */
  static Map<String, Long> takeInRequests(Path project) {
    VirtualClock clock = new VirtualClock(START);
    try (LocalRuntime runtime = start(project, clock)) {
      return new ScenarioRunner(runtime, clock).takeInRequests();
    }
  }

  private static LocalRuntime start(Path project, VirtualClock clock) {
    return LocalRuntime.builder()
        .projectRoot(project)
        .port(0)
        .inMemory(true)
        .clock(clock)
        .out(new PrintStream(new ByteArrayOutputStream()))
        .start();
  }

  /**
   * Runs every scenario, after one unmeasured lead of each to load the handlers, in the JVM's first
   * runtime.
   */
  static List<Measured> measure(Path project, int leads) {
    VirtualClock clock = new VirtualClock(START);
    try (LocalRuntime runtime = start(project, clock)) {
      ScenarioRunner runner = new ScenarioRunner(runtime, clock);
      List<Measured> results = new ArrayList<>();
      for (Scenario scenario : Scenario.values()) {
        runner.run(scenario, 1);
        results.add(runner.run(scenario, leads));
      }
      return results;
    }
  }

  static String money(double dollars) {
    return String.format(Locale.ROOT, "$%.3f", dollars);
  }
}
