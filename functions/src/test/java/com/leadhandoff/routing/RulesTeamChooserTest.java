package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.Score;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which rule of the demo rules file takes which lead: first match wins, else the fallback. */
class RulesTeamChooserTest {
  private static final RoutingRules RULES = RoutingRules.bundled().orElseThrow();
  private static final List<Team> TEAMS = DirectoryConfig.bundled().teams();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      textBlock =
          """
          # case,                          country, size, industry,      tier, utmSource, utmCampaign,   formId,       rule,                    team
          the demo form's lead,            GB,      250,  Software,      hot,  local-ui,  try-it-locally, demo-request, core-regions,           inbound-sales
          the workflow tests' lead,        DE,      250,  Manufacturing, hot,  -,         -,             demo-request, core-regions,            inbound-sales
          5000 employees anywhere,         US,      5000, Software,      warm, -,         -,             -,            enterprise-size,         enterprise
          exactly 1000 employees,          DE,      1000, -,             warm, -,         -,             -,            enterprise-size,         enterprise
          999 employees and warm,          DE,      999,  -,             warm, -,         -,             -,            core-regions,            inbound-sales
          999 employees and hot,           DE,      999,  -,             hot,  -,         -,             -,            hot-upper-mid-market,    enterprise
          500 employees and hot,           BR,      500,  -,             hot,  -,         -,             -,            hot-upper-mid-market,    enterprise
          499 employees and hot,           AT,      499,  -,             hot,  -,         -,             -,            core-regions,            inbound-sales
          not scored yet has no tier,      CH,      600,  -,             -,    -,         -,             -,            core-regions,            inbound-sales
          an ABM campaign,                 GB,      250,  -,             warm, linkedin,  abm-fintech-q4, -,           abm-campaigns,           enterprise
          an ABM campaign in capitals,     IE,      40,   -,             warm, -,         ABM-RETAIL,    -,            abm-campaigns,           enterprise
          a US bank,                       US,      300,  Banking,       warm, -,         -,             -,            north-america-financial, enterprise
          a Canadian insurer in lower case, CA,     80,   insurance,     warm, g2,        -,             -,            north-america-financial, enterprise
          a US software company,           US,      300,  Software,      warm, -,         -,             -,            -,                       inbound-sales
          a German bank is not in NA,      DE,      300,  Banking,       warm, -,         -,             -,            core-regions,            inbound-sales
          a review site visitor,           BR,      100,  -,             warm, Capterra,  -,             -,            review-sites,            inbound-sales
          a free trial,                    JP,      100,  -,             warm, -,         -,             free-trial,   free-trials,             inbound-sales
          a French lead,                   FR,      300,  -,             warm, -,         -,             -,            france,                  inbound-sales
          a Dutch lead,                    NL,      300,  -,             warm, -,         -,             -,            core-regions,            inbound-sales
          a Brazilian lead,                BR,      100,  -,             warm, -,         -,             demo-request, -,                       inbound-sales
          a lead with no country or size,  -,       -,    -,             hot,  -,         -,             -,            -,                       inbound-sales
          """)
  void firstMatchingRuleWins(
      String name,
      String country,
      Integer size,
      String industry,
      String tier,
      String utmSource,
      String utmCampaign,
      String formId,
      String rule,
      String team) {
    Lead lead = lead(country, size, industry, tier, utmSource, utmCampaign, formId);

    TeamChoice choice = chooser(TEAMS).teamFor(lead);

    assertEquals(Optional.ofNullable(rule), choice.ruleId(), name);
    assertEquals(team, choice.team().teamId(), name);
  }

  @Test
  void matchedRule_saysWhichValuesMatched() {
    Lead bank = lead("US", 300, "Banking", "warm", null, null, null);
    Lead large = lead("DE", 1200, null, "hot", null, null, null);
    Lead nobody = lead("BR", 10, null, "warm", null, null, null);

    assertEquals(
        "rule north-america-financial: country US in region NORTH_AMERICA, industry Banking",
        chooser(TEAMS).teamFor(bank).why());
    assertEquals(
        "rule enterprise-size: companySize 1200 in 1000+", chooser(TEAMS).teamFor(large).why());
    assertEquals("no rule matched, fallback team", chooser(TEAMS).teamFor(nobody).why());
  }

  @Test
  void ruleTeamMissingFromTheStoredDirectory_failsSayingHowToFixIt() {
    List<Team> inboundOnly =
        TEAMS.stream().filter(t -> t.teamId().equals("inbound-sales")).toList();
    Lead large = lead("DE", 1200, null, "hot", null, null, null);

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> chooser(inboundOnly).teamFor(large));

    assertTrue(e.getMessage().contains("rule enterprise-size"), e.getMessage());
    assertTrue(e.getMessage().contains("team 'enterprise', which is not in the teams table"));
    assertTrue(e.getMessage().contains("add it to config/directory.yaml"), e.getMessage());
  }

  private static RulesTeamChooser chooser(List<Team> teams) {
    Map<String, Team> byId =
        teams.stream().collect(Collectors.toMap(Team::teamId, Function.identity()));
    return new RulesTeamChooser(RULES, new TeamsOnly(byId));
  }

  private static Lead lead(
      String country,
      Integer size,
      String industry,
      String tier,
      String utmSource,
      String utmCampaign,
      String formId) {
    Submission submission =
        new Submission(
            "jo@prospect.example",
            "Jo",
            "Doe",
            "Prospect Ltd",
            "Head of Sales",
            null,
            country,
            size,
            industry,
            null,
            formId,
            utmSource,
            null,
            utmCampaign,
            List.of());
    Optional<Score> score =
        Optional.ofNullable(tier)
            .map(t -> new Score(70, Score.Tier.valueOf(t.toUpperCase()), true, List.of()));
    return new Lead(
        "lead-1",
        Instant.parse("2026-11-23T10:00:00Z"),
        submission,
        LeadStatus.ROUTING,
        score,
        Optional.empty());
  }

  /** A directory that only knows teams: all the chooser asks it about. */
  private record TeamsOnly(Map<String, Team> teams) implements Directory {
    @Override
    public Optional<Team> team(String teamId) {
      return Optional.ofNullable(teams.get(teamId));
    }

    @Override
    public Optional<Team> defaultTeam() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Rep> rep(String repId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Rep> activeReps(String teamId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long nextTurn(String teamId) {
      throw new UnsupportedOperationException();
    }
  }
}
