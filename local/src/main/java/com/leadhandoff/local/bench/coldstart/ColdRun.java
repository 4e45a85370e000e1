package com.leadhandoff.local.bench.coldstart;

/**
 * What one fresh JVM measured.
 *
 * @param totalMs from starting the process to its first response, as the parent saw it
 * @param initMs loading and building the handler
 * @param invokeMs its first invocation
 * @param cpuMs CPU time the process had used by the end of its first invocation
 * @param classes classes loaded by then
 * @param outcome {@code ok}, or {@code error:} and the exception the handler threw
 */
record ColdRun(
    double totalMs, double initMs, double invokeMs, double cpuMs, int classes, String outcome) {
  static ColdRun parse(String line, double totalMs) {
    String[] parts = line.substring(FirstInvocation.PREFIX.length()).trim().split(" ");
    return new ColdRun(
        totalMs,
        Double.parseDouble(parts[0]),
        Double.parseDouble(parts[1]),
        Double.parseDouble(parts[2]),
        Integer.parseInt(parts[3]),
        parts[4]);
  }
}
