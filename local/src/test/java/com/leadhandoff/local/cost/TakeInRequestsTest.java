package com.leadhandoff.local.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.Projects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The DynamoDB requests a standard lead costs from the form post through Take In Lead, as the cost
 * model counts them (docs/performance.md, "DynamoDB requests to the offer email"): a change that
 * adds one fails here, and must either take it out again or raise the limit with its reason.
 */
class TakeInRequestsTest {
  /**
   * Intake 1 (the intake key claimed with the lead and its RECEIVED entry, in one transaction),
   * Match Lead 3 (the lead, the address index, the address claim), Acknowledge Lead's reads 2 (the
   * team, the company's owners), Route Lead 3 for the first lead of a fresh runtime, the rep's
   * first of the day (the team's reps and their load in one read, by the ids the team's item lists;
   * the round-robin turn; the rep's reservation, one update on any day), and one transaction of the
   * score, SCORED, the acknowledgement's claim, unsubscribe link and ACKNOWLEDGED, and ROUTED. It
   * was 24 before this test, 18 before intake's key joined the lead's transaction, the
   * acknowledgement's writes joined others and the teams listed their reps, 13 before the three
   * steps' writes became one and the first lead of a day one reservation.
   */
  private static final long LIMIT = 10;

  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @Test
  void standardLead_intakeAndTakeInLead_makeNoMoreDynamoDbRequestsThanTheLimit()
      throws IOException, InterruptedException {
    // GIVEN a fresh local runtime in a JVM of its own (the functions' SDK clients reach the first
    // runtime a JVM starts), WHEN the cost model's demo lead is posted and taken in
    Map<String, Long> made = takeInRequests();

    // THEN at most the limit, and none of the reads the invocation answers from what it holds
    long total = made.values().stream().mapToLong(Long::longValue).sum();
    assertTrue(total <= LIMIT, total + " requests, more than " + LIMIT + ": " + made);
    assertFalse(made.containsKey("GetItem AddressClaimsTable"), made.toString());
    assertFalse(made.containsKey("Query OffersTable"), made.toString());
    assertFalse(made.containsKey("Query HistoryTable"), made.toString());
    // The seed lists every team's reps, so routing reads them by key, not through the index.
    assertFalse(made.containsKey("Query RepsTable"), made.toString());
    // The key with the lead and RECEIVED (intake).
    assertEquals(
        1L,
        made.get("TransactWriteItems HistoryTable,IntakeKeysTable,LeadsTable"),
        made.toString());
    assertFalse(made.containsKey("PutItem IntakeKeysTable"), made.toString());
    assertFalse(made.containsKey("UpdateItem IntakeKeysTable"), made.toString());
    // The score with SCORED, the acknowledgement's claim with its unsubscribe link and
    // ACKNOWLEDGED, and ROUTED: one transaction, nothing of it written alone.
    assertEquals(
        1L,
        made.get("TransactWriteItems HistoryTable,LeadsTable,UnsubscribesTable"),
        made.toString());
    assertFalse(made.containsKey("TransactWriteItems HistoryTable,LeadsTable"), made.toString());
    assertFalse(
        made.containsKey("TransactWriteItems HistoryTable,UnsubscribesTable"), made.toString());
    assertFalse(made.containsKey("TransactWriteItems HistoryTable"), made.toString());
    assertFalse(made.containsKey("PutItem HistoryTable"), made.toString());
    assertFalse(made.containsKey("PutItem UnsubscribesTable"), made.toString());
    // The turn, and the rep's reservation in one update although it is the rep's first lead of
    // the day; neither in a transaction (every lead of the team writes them).
    assertEquals(1L, made.get("UpdateItem TeamsTable"), made.toString());
    assertEquals(1L, made.get("UpdateItem RepsTable"), made.toString());
  }

  /** Runs {@code CostModel --take-in} and reads its lines: {@code <operation> <table> <count>}. */
  private static Map<String, Long> takeInRequests() throws IOException, InterruptedException {
    Process child =
        new ProcessBuilder(
                List.of(
                    JAVA,
                    "-cp",
                    System.getProperty("java.class.path"),
                    CostModel.class.getName(),
                    "--take-in",
                    "--project",
                    Projects.root().toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!child.waitFor(120, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("CostModel --take-in did not end:\n" + out);
    }
    assertEquals(0, child.exitValue(), out);
    List<String> lines = out.lines().toList();
    assertTrue(lines.get(0).startsWith(CostModel.TAKE_IN_TITLE + ": "), out);
    Map<String, Long> made = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String call = line.strip();
      int last = call.lastIndexOf(' ');
      made.put(call.substring(0, last).strip(), Long.parseLong(call.substring(last + 1)));
    }
    assertEquals(
        Long.parseLong(lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1)),
        made.values().stream().mapToLong(Long::longValue).sum(),
        out);
    return made;
  }
}
