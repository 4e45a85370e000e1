package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.testing.TestDynamo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryConfigTest {
  private static final String TEAMS =
      """
      teams:
        - id: inbound-sales
          name: Inbound Sales
          default: true
          manager:
            name: Morgan Lee
            email: morgan.lee@sales.example.com
      """;

  @TempDir Path dir;

  @Test
  void bundledFile_loads_withTheDemoTeamAndReps() {
    DirectoryConfig config = DirectoryConfig.bundled();

    Team team = config.defaultTeam();
    assertEquals("inbound-sales", team.teamId());
    assertEquals("Inbound Sales", team.name());
    assertEquals("Morgan Lee", team.managerName());
    assertEquals("morgan.lee@sales.example.com", team.managerEmail());
    assertEquals(
        List.of("Ana Ruiz", "Ben Okafor", "Chloe Martin"),
        config.reps().stream()
            .filter(r -> r.teamId().equals("inbound-sales") && r.active())
            .map(Rep::name)
            .toList());
  }

  @Test
  void bundledFile_namesTheFallbackQueue() {
    assertEquals(
        Optional.of(
            new DirectoryConfig.FallbackQueue("Unassigned leads", "sales-ops@sales.example.com")),
        DirectoryConfig.bundled().fallbackQueue());
  }

  @Test
  void fileWithoutFallbackQueue_hasNone() throws IOException {
    DirectoryConfig config =
        load(
            TEAMS
                + "reps:\n  - {id: ana, name: Ana Ruiz, email: ana@s.example.com, team: inbound-sales}\n");
    assertEquals(Optional.empty(), config.fallbackQueue());
  }

  @Test
  void fallbackQueueWithBadEmailAndNoName_namesTheLineAndTheFix() throws IOException {
    DirectoryConfigException e =
        invalid(
            TEAMS
                + "fallbackQueue:\n  email: sales ops\n  alert: yes\n"
                + "reps:\n  - {id: ana, name: Ana Ruiz, email: ana@s.example.com, team: inbound-sales}\n");
    assertEquals(
        List.of(
            "line 8, fallbackQueue: unknown field `alert:`; the fields are email, name",
            "line 8, fallbackQueue: missing `name:`; add the queue's name, e.g. `name: Unassigned"
                + " leads`",
            "line 8, fallbackQueue: email 'sales ops' is not an email address; write it as"
                + " name@domain, e.g. sales-ops@sales.example.com"),
        e.problems());
  }

  @Test
  void repositoryFile_isTheOneInTheJar() {
    Path file = TestDynamo.projectRoot().resolve("config/directory.yaml");
    assertEquals(DirectoryConfig.bundled(), DirectoryConfig.load(file));
  }

  @Test
  void repWithoutActive_isActive() throws IOException {
    DirectoryConfig config =
        load(
            TEAMS
                + "reps:\n  - {id: ana, name: Ana Ruiz, email: ana@s.example.com, team: inbound-sales}\n");
    assertTrue(config.reps().get(0).active());
  }

  @Test
  void duplicateRepIds_nameBothLinesAndTheFix() throws IOException {
    DirectoryConfigException e =
        invalid(
            TEAMS
                + """
                reps:
                  - id: ana-ruiz
                    name: Ana Ruiz
                    email: ana.ruiz@sales.example.com
                    team: inbound-sales
                  - id: ana-ruiz
                    name: Ana Ruiz-Lopez
                    email: ana.lopez@sales.example.com
                    team: inbound-sales
                """);
    assertEquals(
        List.of(
            "line 13, rep 'ana-ruiz': id already used by the rep on line 9;"
                + " rep ids must be unique across all teams"),
        e.problems());
    assertTrue(e.getMessage().startsWith(file().toString()), e.getMessage());
  }

  @Test
  void repInUnknownTeam_namesTheTeamsThatExist() throws IOException {
    DirectoryConfigException e =
        invalid(
            TEAMS
                + "reps:\n"
                + "  - {id: ana, name: Ana Ruiz, email: ana@s.example.com, team: inbond-sales}\n");
    assertEquals(
        List.of(
            "line 9, rep 'ana': team 'inbond-sales' is not defined under `teams:`;"
                + " use one of: inbound-sales"),
        e.problems());
  }

  @Test
  void noDefaultTeam_saysWhereToPutIt() throws IOException {
    DirectoryConfigException e =
        invalid(
            """
            teams:
              - id: inbound-sales
                name: Inbound Sales
                manager: {name: Morgan Lee, email: morgan.lee@sales.example.com}
            reps:
              - {id: ana, name: Ana Ruiz, email: ana@s.example.com, team: inbound-sales}
            """);
    assertEquals(
        List.of(
            "no team has `default: true`; add it to the team leads go to when no rule sends them"
                + " elsewhere, e.g. team 'inbound-sales' on line 2"),
        e.problems());
  }

  @Test
  void twoDefaultTeams_nameBoth() throws IOException {
    DirectoryConfigException e =
        invalid(
            TEAMS
                + """
                  - id: enterprise
                    name: Enterprise
                    default: true
                    manager: {name: Priya Shah, email: priya.shah@sales.example.com}
                reps:
                  - {id: ana, name: Ana Ruiz, email: ana@s.example.com, team: inbound-sales}
                """);
    assertEquals(
        List.of(
            "teams 'inbound-sales' (line 2), 'enterprise' (line 8) all have `default: true`;"
                + " keep it on exactly one team"),
        e.problems());
  }

  @Test
  void repTimeZone_isOptional_andReadAsARegion() throws IOException {
    DirectoryConfig config =
        load(
            TEAMS
                + "reps:\n"
                + "  - {id: ana, name: Ana Ruiz, email: ana@s.example.com, team: inbound-sales,"
                + " timeZone: Europe/Lisbon}\n"
                + "  - {id: ben, name: Ben Okafor, email: ben@s.example.com, team: inbound-sales}\n");
    assertEquals(Optional.of(ZoneId.of("Europe/Lisbon")), config.reps().get(0).timeZone());
    assertEquals(Optional.empty(), config.reps().get(1).timeZone());
  }

  @Test
  void unknownRepTimeZone_namesTheRepAndTheFix() throws IOException {
    DirectoryConfigException e =
        invalid(
            TEAMS
                + "reps:\n  - {id: ana, name: Ana Ruiz, email: ana@s.example.com,"
                + " team: inbound-sales, timeZone: Europe/Lisboa}\n");
    assertEquals(
        List.of(
            "line 9, rep 'ana': unknown timeZone 'Europe/Lisboa'; use an IANA zone name such as"
                + " Europe/Berlin or America/New_York, or leave `timeZone:` out to show the rep"
                + " times in their team's zone"),
        e.problems());
  }

  @Test
  void missingEmail_namesTheRepAndAnExample() throws IOException {
    DirectoryConfigException e =
        invalid(TEAMS + "reps:\n  - id: ana-ruiz\n    name: Ana Ruiz\n    team: inbound-sales\n");
    assertEquals(
        List.of(
            "line 9, rep 'ana-ruiz': missing `email:`; add the work address,"
                + " e.g. `email: ana.ruiz@sales.example.com`"),
        e.problems());
  }

  @Test
  void badEmail_showsTheValueAndTheExpectedForm() throws IOException {
    DirectoryConfigException e =
        invalid(
            TEAMS
                + "reps:\n  - {id: ben, name: Ben Okafor, email: ben.okafor@, team: inbound-sales}\n");
    assertEquals(
        List.of(
            "line 9, rep 'ben': email 'ben.okafor@' is not an email address;"
                + " write it as name@domain, e.g. ana.ruiz@sales.example.com"),
        e.problems());
  }

  @Test
  void badManagerEmail_namesTheTeam() throws IOException {
    DirectoryConfigException e =
        invalid(
            TEAMS.replace("morgan.lee@sales.example.com", "morgan lee at sales")
                + "reps:\n  - {id: ana, name: Ana Ruiz, email: ana@s.example.com, team: inbound-sales}\n");
    assertEquals(1, e.problems().size());
    assertTrue(
        e.problems()
            .get(0)
            .startsWith("line 2, team 'inbound-sales': manager email 'morgan lee at"),
        e.problems().get(0));
  }

  @Test
  void misspelledField_isNamedWithTheRightOnes() throws IOException {
    DirectoryConfigException e =
        invalid(
            TEAMS
                + "reps:\n  - {id: ana, name: Ana Ruiz, emial: ana@s.example.com, team: inbound-sales}\n");
    assertEquals(
        List.of(
            "line 9, rep 'ana': unknown field `emial:`; the fields are active, email, id,"
                + " maxLeadsPerDay, maxOpenOffers, name, outOfOffice, paused, team, timeZone, weight,"
                + " workingHours",
            "line 9, rep 'ana': missing `email:`; add the work address,"
                + " e.g. `email: ana.ruiz@sales.example.com`"),
        e.problems());
  }

  @Test
  void brokenYaml_namesTheLine() throws IOException {
    DirectoryConfigException e = invalid("teams:\n  - id: a\n name: [unclosed\n");
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).startsWith("line 3, not valid YAML"), e.problems().get(0));
    assertTrue(e.getMessage().contains(file().toString()));
  }

  @Test
  void everyProblem_isReportedAtOnce() throws IOException {
    DirectoryConfigException e =
        invalid(
            """
            teams:
              - id: inbound-sales
                name: Inbound Sales
                manager: {name: Morgan Lee}
            reps:
              - {id: ana, name: Ana Ruiz, email: nope, team: inbound-sales}
              - {id: ben, name: Ben Okafor, email: ben@s.example.com, team: emea}
            """);
    assertEquals(4, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("has 4 problems"), e.getMessage());
  }

  @Test
  void emptyFile_saysWhatToWrite() throws IOException {
    DirectoryConfigException e = invalid("");
    assertEquals(
        List.of("the file is empty; list the teams under `teams:` and the reps under `reps:`"),
        e.problems());
  }

  @Test
  void missingFile_namesIt() {
    DirectoryConfigException e =
        assertThrows(DirectoryConfigException.class, () -> DirectoryConfig.load(file()));
    assertEquals(file().toString(), e.file());
  }

  private DirectoryConfig load(String yaml) throws IOException {
    Files.writeString(file(), yaml);
    return DirectoryConfig.load(file());
  }

  private DirectoryConfigException invalid(String yaml) throws IOException {
    Files.writeString(file(), yaml);
    return assertThrows(DirectoryConfigException.class, () -> DirectoryConfig.load(file()));
  }

  private Path file() {
    return dir.resolve("directory.yaml");
  }
}
