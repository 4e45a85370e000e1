package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.q;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadhandoff.local.asl.engine.ExecutionStatus;
import com.leadhandoff.local.asl.engine.HistoryEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * StopExecution of an execution inside a Parallel or Map state records what it aborts before
 * ExecutionAborted, with the event types the API reference's HistoryEvent lists for it:
 * MapIterationAborted for each iteration still running (mapIterationAbortedEventDetails: name and
 * index), then MapStateAborted; ParallelStateAborted; innermost first, as a failing iteration
 * already records MapIterationAborted for its siblings before MapStateFailed.
 */
class StopInsideParallelAndMapTest {
  private final EngineFixture fixture = new EngineFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  private static final String WAIT_ITEM =
      "'StartAt':'Wait For Item','States':{'Wait For Item':{'Type':'Wait',"
          + "'SecondsPath':'$.seconds','End':true}}";

  private List<String> stopAndTail(String arn, int count) {
    fixture.engine.stopExecution(arn, Optional.of("Stopped"), Optional.of("by a test"));
    fixture.engine.awaitIdle();
    assertEquals(ExecutionStatus.ABORTED, fixture.describe(arn).status());
    List<String> types = fixture.eventTypes(arn);
    return types.subList(types.size() - count, types.size());
  }

  private List<HistoryEvent> events(String arn, String type) {
    return fixture.engine.getExecutionHistory(arn).stream()
        .filter(e -> e.type().equals(type))
        .toList();
  }

  @Test
  void stopInsideParallel_recordsParallelStateAbortedBeforeExecutionAborted() {
    // GIVEN a Parallel whose first branch has ended and whose second waits
    String arn =
        fixture.run(
            q(
                "{'StartAt':'Both','States':{'Both':{'Type':'Parallel','End':true,'Branches':["
                    + "{'StartAt':'Quick','States':{'Quick':{'Type':'Pass','End':true}}},"
                    + "{'StartAt':'Slow','States':{'Slow':{'Type':'Wait','Seconds':60,"
                    + "'End':true}}}]}}}"),
            "{}");

    // WHEN it is stopped
    List<String> tail = stopAndTail(arn, 2);

    // THEN the Parallel is recorded aborted, then the execution; it never exits
    assertEquals(List.of("ParallelStateAborted", "ExecutionAborted"), tail);
    assertEquals(1, events(arn, "PassStateExited").size());
    assertEquals(List.of(), events(arn, "ParallelStateExited"));
    HistoryEvent aborted = events(arn, "ExecutionAborted").get(0);
    assertEquals(Optional.of("Stopped"), aborted.detail("error"));
    assertEquals(aborted.id() - 1, aborted.previousEventId());
  }

  @Test
  void stopInsideMap_recordsEachRunningIterationAbortedInIndexOrder_thenMapStateAborted() {
    // GIVEN a Map of three items, two at a time: item 0 has ended, items 1 and 2 wait
    String arn =
        fixture.run(
            q(
                "{'StartAt':'Each','States':{'Each':{'Type':'Map','MaxConcurrency':2,"
                    + "'ItemProcessor':{"
                    + WAIT_ITEM
                    + "},'End':true}}}"),
            "[{\"seconds\":10},{\"seconds\":60},{\"seconds\":60}]");
    fixture.clock.advance(Duration.ofSeconds(10));
    fixture.engine.awaitIdle();
    assertEquals(3, events(arn, "MapIterationStarted").size());

    // WHEN it is stopped
    List<String> tail = stopAndTail(arn, 4);

    // THEN the iterations still running are aborted (not the one that succeeded), then the Map
    assertEquals(
        List.of(
            "MapIterationAborted", "MapIterationAborted", "MapStateAborted", "ExecutionAborted"),
        tail);
    List<HistoryEvent> iterations = events(arn, "MapIterationAborted");
    assertEquals(Optional.of("Each"), iterations.get(0).detail("name"));
    assertEquals(Optional.of("1"), iterations.get(0).detail("index"));
    assertEquals(Optional.of("2"), iterations.get(1).detail("index"));
    assertEquals(1, events(arn, "MapIterationSucceeded").size());
    assertEquals(List.of(), events(arn, "MapStateExited"));
  }

  @Test
  void stopInsideAMapInsideAParallel_recordsTheInnermostFirst() {
    // GIVEN a Parallel whose only branch runs a Map of one waiting item
    String arn =
        fixture.run(
            q(
                "{'StartAt':'Both','States':{'Both':{'Type':'Parallel','End':true,'Branches':["
                    + "{'StartAt':'Each','States':{'Each':{'Type':'Map','End':true,"
                    + "'ItemProcessor':{"
                    + WAIT_ITEM
                    + "}}}}]}}}"),
            "[{\"seconds\":60}]");

    // WHEN it is stopped
    List<String> tail = stopAndTail(arn, 4);

    // THEN the iteration, the Map, the Parallel, then the execution
    assertEquals(
        List.of(
            "MapIterationAborted", "MapStateAborted", "ParallelStateAborted", "ExecutionAborted"),
        tail);
  }

  @Test
  void stopAfterAMapHasEnded_recordsNoMapStateAborted() {
    // GIVEN a Map that succeeded, followed by a Wait
    String arn =
        fixture.run(
            q(
                "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemsPath':'$.items',"
                    + "'ItemProcessor':{'StartAt':'Echo','States':{'Echo':{'Type':'Pass',"
                    + "'End':true}}},'ResultPath':null,'Next':'Pause'},"
                    + "'Pause':{'Type':'Wait','Seconds':60,'End':true}}}"),
            "{\"items\":[1,2]}");

    // WHEN it is stopped in the Wait
    List<String> tail = stopAndTail(arn, 2);

    // THEN only the execution is recorded aborted
    assertEquals(List.of("WaitStateEntered", "ExecutionAborted"), tail);
    assertEquals(List.of(), events(arn, "MapStateAborted"));
    assertEquals(List.of(), events(arn, "MapIterationAborted"));
  }

  @Test
  void iterationFailing_stillRecordsItsSiblingsAbortedOnce_andAStopAfterwardsAddsNone() {
    // GIVEN a Map whose iteration 0 fails while iteration 1 waits, caught into a Wait
    String arn =
        fixture.run(
            q(
                "{'StartAt':'Each','States':{'Each':{'Type':'Map','ItemProcessor':{"
                    + "'StartAt':'Route','States':{'Route':{'Type':'Choice','Choices':[{"
                    + "'Variable':'$.fail','BooleanEquals':true,'Next':'Fail'}],"
                    + "'Default':'Wait For Item'},'Fail':{'Type':'Fail','Error':'Boom'},"
                    + "'Wait For Item':{'Type':'Wait','Seconds':60,'End':true}}},"
                    + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Pause'}],'End':true},"
                    + "'Pause':{'Type':'Wait','Seconds':600,'End':true}}}"),
            "[{\"fail\":true},{\"fail\":false}]");

    // WHEN it is stopped in the Wait after the Map
    List<String> tail = stopAndTail(arn, 2);

    // THEN the sibling was aborted with the Map's failure, and the stop aborts nothing more
    assertEquals(List.of("WaitStateEntered", "ExecutionAborted"), tail);
    assertEquals(1, events(arn, "MapIterationAborted").size());
    assertEquals(1, events(arn, "MapStateFailed").size());
    assertEquals(List.of(), events(arn, "MapStateAborted"));
  }
}
