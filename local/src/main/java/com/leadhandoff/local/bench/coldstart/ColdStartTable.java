package com.leadhandoff.local.bench.coldstart;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints {@link ColdStartBenchmark}'s rows as Markdown, each total beside the PutItem one's. */
final class ColdStartTable {
  private ColdStartTable() {}

  static void print(List<ColdStartBenchmark.Row> rows, PrintStream out) {
    ColdStartBenchmark.Row putItem = rows.get(1);
    out.println(
        "| handler | classes | init ms | 1st invoke ms | total ms | CPU ms | × PutItem (CPU) |"
            + " AppCDS total ms | AppCDS CPU ms | × PutItem (AppCDS CPU) | outcome |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (ColdStartBenchmark.Row row : rows) {
      ColdRun p = row.plain();
      out.println(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.2f | %s | %s | %s | %s |",
              row.name(),
              p.classes(),
              p.initMs(),
              p.invokeMs(),
              p.totalMs(),
              p.cpuMs(),
              p.cpuMs() / putItem.plain().cpuMs(),
              row.cds().map(c -> format(c.totalMs())).orElse("-"),
              row.cds().map(c -> format(c.cpuMs())).orElse("-"),
              row.cds()
                  .map(
                      c ->
                          String.format(
                              Locale.ROOT, "%.2f", c.cpuMs() / putItem.cds().orElseThrow().cpuMs()))
                  .orElse("-"),
              p.outcome()));
    }
  }

  private static String format(double ms) {
    return String.format(Locale.ROOT, "%.0f", ms);
  }
}
