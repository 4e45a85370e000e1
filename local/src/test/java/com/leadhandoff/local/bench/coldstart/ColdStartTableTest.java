package com.leadhandoff.local.bench.coldstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColdStartTableTest {
  @Test
  void childLine_isReadIntoItsFigures() {
    ColdRun run =
        ColdRun.parse(FirstInvocation.PREFIX + "812.5 240.0 2100.5 6252 error:LeadNotFound", 1500);

    assertEquals(new ColdRun(1500, 812.5, 240.0, 2100.5, 6252, "error:LeadNotFound"), run);
  }

  @Test
  void eachRow_isSetAgainstTheOnePutItemRow_withAndWithoutAppCds() {
    // GIVEN the two baselines and one handler
    List<ColdStartBenchmark.Row> rows =
        List.of(
            row("hello world (bare JVM)", 200, 100),
            row("one PutItem (same SDK setup)", 1000, 500),
            row("ScoreLeadFunction", 1100, 600));

    // WHEN the table is printed
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ColdStartTable.print(rows, new PrintStream(out, true, StandardCharsets.UTF_8));

    // THEN the handler's ratios are to the PutItem handler's
    String table = out.toString(StandardCharsets.UTF_8);
    assertEquals(
        "| ScoreLeadFunction | 6000 | 800 | 200 | 3000 | 1100 | 1.10 | 1500 | 600 | 1.20 | ok |",
        table.lines().filter(l -> l.startsWith("| ScoreLead")).findFirst().orElseThrow());
  }

  private static ColdStartBenchmark.Row row(String name, double cpu, double cdsCpu) {
    return new ColdStartBenchmark.Row(
        name,
        new ColdRun(3000, 800, 200, cpu, 6000, "ok"),
        Optional.of(new ColdRun(1500, 400, 100, cdsCpu, 6000, "ok")));
  }
}
