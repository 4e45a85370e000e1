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
        "| handler | classes | init ms | 1st invoke ms | total ms | × PutItem | AppCDS total ms"
            + " | × PutItem (AppCDS) | outcome |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    for (ColdStartBenchmark.Row row : rows) {
      ColdRun p = row.plain();
      out.println(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.0f | %.0f | %.0f | %.2f | %s | %s | %s |",
              row.name(),
              p.classes(),
              p.initMs(),
              p.invokeMs(),
              p.totalMs(),
              p.totalMs() / putItem.plain().totalMs(),
              row.cds().map(c -> String.format(Locale.ROOT, "%.0f", c.totalMs())).orElse("-"),
              row.cds()
                  .map(
                      c ->
                          String.format(
                              Locale.ROOT,
                              "%.2f",
                              c.totalMs() / putItem.cds().orElseThrow().totalMs()))
                  .orElse("-"),
              p.outcome()));
    }
  }
}
