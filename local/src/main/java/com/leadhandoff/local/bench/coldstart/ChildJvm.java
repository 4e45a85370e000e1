package com.leadhandoff.local.bench.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts {@link FirstInvocation} in a fresh JVM for one {@link ColdCase}: the deployment package
 * first on the classpath, then the benchmark's own small jar (see {@link BenchClasspath}), with the
 * function's environment (so its {@code JAVA_TOOL_OPTIONS} apply) and the Lambda Java runtime's own
 * launch flags.
 */
final class ChildJvm {
  private final Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
  private final Path benchClasses;
  private final Path logs;
  private final boolean classLog;
  private final List<String> jvmArgs;

  /**
   * @param benchClasses the jar of {@link BenchClasspath}
   * @param logs where each case's stderr goes ({@code NAME.log})
   * @param classLog whether each run also lists the classes it loaded ({@code NAME.classes})
   * @param jvmArgs further flags for every run, {@code %s} in them replaced by the case's name
   */
  ChildJvm(Path benchClasses, Path logs, boolean classLog, List<String> jvmArgs) {
    this.benchClasses = benchClasses;
    this.logs = logs;
    this.classLog = classLog;
    this.jvmArgs = List.copyOf(jvmArgs);
  }

  /**
   * Runs {@code cold} once.
   *
   * @param archive with {@code dump}, where to write an AppCDS archive at exit; without, an archive
   *     to start from
   */
  ColdRun run(ColdCase cold, Optional<Path> archive, boolean dump) {
    List<String> command = new ArrayList<>();
    command.add(javaBin.toString());
    // As the managed java21 runtime starts the JVM: serial GC, heap from the memory size.
    command.add("-XX:+UseSerialGC");
    command.add("-Xmx870m");
    if (classLog) {
      command.add("-Xlog:class+load=info:file=" + logs.resolve(cold.name() + ".classes"));
    }
    for (String arg : jvmArgs) {
      command.add(arg.replace("%s", cold.name().replaceAll("[^A-Za-z0-9]+", "-")));
    }
    archive.ifPresent(
        a -> command.add(dump ? "-XX:ArchiveClassesAtExit=" + a : "-XX:SharedArchiveFile=" + a));
    command.add("-cp");
    command.add(cold.code() + java.io.File.pathSeparator + benchClasses);
    command.add(FirstInvocation.class.getName());
    command.add(cold.handlerClass());
    // Before the clock starts: a fresh lead's preparation is no part of the run.
    command.add(cold.event().next().toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(cold.environment());
    builder.redirectError(
        ProcessBuilder.Redirect.appendTo(logs.resolve(cold.name() + ".log").toFile()));
    long start = System.nanoTime();
    try {
      Process process = builder.start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith(FirstInvocation.PREFIX)) {
            double total = (System.nanoTime() - start) / 1e6;
            // Drain and wait, so an archive is complete before the next run reads it.
            out.transferTo(java.io.Writer.nullWriter());
            process.waitFor();
            return ColdRun.parse(line, total);
          }
        }
      }
      int exit = process.waitFor();
      throw new IllegalStateException(
          cold.name()
              + " ended ("
              + exit
              + ") without a first invocation; see "
              + logs.resolve(cold.name() + ".log")
              + ":\n"
              + tail(logs.resolve(cold.name() + ".log")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }
}
