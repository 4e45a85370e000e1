package com.leadhandoff.local.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar local/target/lead-handoff-local.jar run FILE.asl.json --input '{...}'}: the
 * states entered, the status and the output or error, and an exit status that says which.
 */
class RunCommandTest {
  private static final String REMIND =
      """
      {"StartAt": "Wait A Day", "States": {
        "Wait A Day": {"Type": "Wait", "Seconds": 86400, "Next": "Late?"},
        "Late?": {"Type": "Choice",
          "Choices": [{"Variable": "$.hours", "NumericGreaterThan": 4, "Next": "Escalate"}],
          "Default": "Remind Rep"},
        "Remind Rep": {"Type": "Pass", "Result": "reminded", "ResultPath": "$.action", "End": true},
        "Escalate": {"Type": "Fail", "Error": "SlaBreached", "Cause": "nobody accepted in time"}}}""";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return RunCommand.execute(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private Path file(String definition) throws Exception {
    Path file = dir.resolve("flow.asl.json");
    Files.writeString(file, definition);
    return file;
  }

  @Test
  void succeedingRun_printsStatesInOrderAndOutput_andExitsZero() throws Exception {
    int status = run(file(REMIND).toString(), "--input", "{\"hours\": 2}", "--virtual-clock");

    assertEquals(RunCommand.SUCCEEDED, status, printed());
    assertEquals(
        String.join(
            "\n",
            "states entered:",
            "  Wait A Day",
            "  Late?",
            "  Remind Rep",
            "status: SUCCEEDED",
            "output: {\"hours\":2,\"action\":\"reminded\"}",
            ""),
        printed());
  }

  @Test
  void failingRun_printsErrorAndCause_andExitsOne() throws Exception {
    int status = run(file(REMIND).toString(), "--input", "{\"hours\": 9}", "--virtual-clock");

    assertEquals(RunCommand.EXECUTION_FAILED, status);
    assertTrue(printed().contains("  Escalate\nstatus: FAILED\n"), printed());
    assertTrue(printed().contains("error: SlaBreached\n"), printed());
    assertTrue(printed().contains("cause: nobody accepted in time\n"), printed());
  }

  @Test
  void invalidDefinition_printsTheDiagnostics_andExitsTwo() throws Exception {
    int status =
        run(
            file("""
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}""")
                .toString());

    assertEquals(RunCommand.CANNOT_RUN, status);
    assertTrue(printed().contains("is not a valid state machine definition"), printed());
    assertTrue(printed().contains("ERROR MISSING_TRANSITION_TARGET at /States/A/Next"), printed());
  }

  @Test
  void taskStates_areRefusedNamingEachOne_andNothingRuns() throws Exception {
    int status =
        run(
            file("""
                    {"StartAt": "Score Lead", "States": {"Score Lead": {"Type": "Task",
                      "Resource": "arn:aws:lambda:us-east-1:000000000000:function:Score",
                      "End": true}}}""")
                .toString());

    assertEquals(RunCommand.CANNOT_RUN, status);
    assertTrue(
        printed()
            .contains(
                "Task state 'Score Lead' calls arn:aws:lambda:us-east-1:000000000000:function:Score"),
        printed());
    assertTrue(!printed().contains("states entered"), printed());
  }

  @Test
  void inputThatIsNotJson_isRefused() throws Exception {
    int status = run(file(REMIND).toString(), "--input", "{hours: 2", "--virtual-clock");

    assertEquals(RunCommand.CANNOT_RUN, status);
    assertTrue(printed().contains("Invalid execution input"), printed());
  }

  @Test
  void missingFileArgument_printsUsage() {
    int status = run();

    assertEquals(RunCommand.CANNOT_RUN, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("FILE.asl.json"), err.toString());
  }

  @Test
  void withoutVirtualClock_aShortRealWaitIsWaited() throws Exception {
    // A one-second Wait on the real clock: the run takes that second, no more than a few.
    String oneSecond =
        """
        {"StartAt": "Pause", "States": {"Pause": {"Type": "Wait", "Seconds": 1, "End": true}}}""";
    long start = System.nanoTime();

    int status = run(file(oneSecond).toString());

    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(RunCommand.SUCCEEDED, status, printed());
    assertTrue(millis >= 1000 && millis < 10_000, millis + " ms");
  }

  @Test
  void mainRun_inItsOwnJvm_exitsWithTheExecutionsOutcome() throws Exception {
    // GIVEN the definition, WHEN Main runs it as the jar would, in a JVM of its own
    Path file = file(REMIND);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "run",
                    file.toString(),
                    "--input",
                    "{\"hours\": 9}",
                    "--virtual-clock"))
            .redirectErrorStream(true)
            .start();
    boolean exited = child.waitFor(60, TimeUnit.SECONDS);
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!exited) {
      child.destroyForcibly();
    }

    // THEN it printed the states and the error, and exited 1
    assertTrue(exited, output);
    assertEquals(RunCommand.EXECUTION_FAILED, child.exitValue(), output);
    assertTrue(output.contains("  Late?\n  Escalate\nstatus: FAILED\nerror: SlaBreached"), output);
  }
}
