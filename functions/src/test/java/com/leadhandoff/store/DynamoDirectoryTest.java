package com.leadhandoff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadhandoff.routing.Rep;
import com.leadhandoff.routing.Team;
import com.leadhandoff.testing.TestDynamo;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DynamoDirectoryTest {
  private final Map<String, String> tables = TestDynamo.tables();
  private final DynamoDirectory directory =
      new DynamoDirectory(TestDynamo.client(), tables.get("TeamsTable"), tables.get("RepsTable"));

  @Test
  void activeReps_ofTheTeamOnly_inRepIdOrder() {
    directory.save(new Team("emea", "EMEA", "Mo", "mo@sales.test", true));
    directory.save(new Rep("rep-b", "Bo", "bo@sales.test", "emea", true));
    directory.save(new Rep("rep-a", "Al", "al@sales.test", "emea", true));
    directory.save(new Rep("rep-c", "Cy", "cy@sales.test", "emea", false));
    directory.save(new Rep("rep-d", "Di", "di@sales.test", "amer", true));
    assertEquals(
        List.of("rep-a", "rep-b"), directory.activeReps("emea").stream().map(Rep::repId).toList());
    assertEquals("emea", directory.defaultTeam().orElseThrow().teamId());
  }

  @Test
  void repTimeZone_isStoredWhenSet_andAbsentOtherwise() {
    directory.save(
        new Rep(
            "rep-z", "Zoe", "zoe@sales.test", "emea", true, Optional.of(ZoneId.of("Asia/Tokyo"))));
    directory.save(new Rep("rep-y", "Yan", "yan@sales.test", "emea", true));

    assertEquals(
        Optional.of(ZoneId.of("Asia/Tokyo")), directory.rep("rep-z").orElseThrow().timeZone());
    assertEquals(Optional.empty(), directory.rep("rep-y").orElseThrow().timeZone());
  }

  @Test
  void concurrentTurns_areAllDifferent() {
    directory.save(new Team("emea", "EMEA", "Mo", "mo@sales.test", true));
    Set<Long> turns = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 40).parallel().forEach(i -> turns.add(directory.nextTurn("emea")));
    assertEquals(40, turns.size());
    directory.save(new Team("emea", "EMEA renamed", "Mo", "mo@sales.test", true));
    assertEquals(41, directory.nextTurn("emea"));
  }
}
