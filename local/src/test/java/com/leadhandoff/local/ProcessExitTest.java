package com.leadhandoff.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM that ran the local runtime ends promptly: nothing it started keeps the JVM alive. */
class ProcessExitTest {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private static Process java(String mainClass, String... args) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(JAVA, "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void afterClose_theJvmExitsByItself() throws Exception {
    Process child = java(StartAndClose.class.getName(), Projects.echo().toString());

    boolean exited = child.waitFor(60, TimeUnit.SECONDS);
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!exited) {
      child.destroyForcibly();
    }

    assertTrue(exited, "child JVM still running after close; output:\n" + output);
    assertEquals(0, child.exitValue(), output);
    assertTrue(output.contains("closed"), output);
  }

  @Test
  void main_stopsPromptlyOnCtrlC() throws Exception {
    Process child =
        java(
            Main.class.getName(),
            "--project",
            Projects.echo().toString(),
            "--in-memory",
            "--port",
            "0");
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null && !line.contains("Press Ctrl-C")) {
      seen.append(line).append('\n');
    }
    assertTrue(line != null, "Main did not start:\n" + seen);
    assertTrue(seen.toString().contains("POST /typed"), seen.toString());

    long start = System.nanoTime();
    child.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook runs
    boolean exited = child.waitFor(20, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }

    assertTrue(exited, "Main did not stop within 20 s of the signal");
    assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 20);
  }
}
