package com.leadhandoff.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.config.ConfigProblem;
import com.leadhandoff.testing.TestDynamo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading and checking routing rules files: every mistake named with file, line, rule and fix. */
class RoutingRulesTest {
  private static final DirectoryConfig DIRECTORY =
      new DirectoryConfig(
          List.of(
              new Team("inbound-sales", "Inbound Sales", "Morgan Lee", "m@s.example.com", true),
              new Team("enterprise", "Enterprise", "Priya Shah", "p@s.example.com", false)),
          List.of());

  // Line 1: regions; lines 2-3: DACH, NORDICS; line 4: fallbackTeam; line 5: rules.
  private static final String HEAD =
      """
      regions:
        DACH: [DE, AT, CH]
        NORDICS: [DK, FI, NO, SE]
      fallbackTeam: inbound-sales
      rules:
      """;

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("routing-rules.yaml"), yaml);
  }

  private String file() {
    return dir.resolve("routing-rules.yaml").toString();
  }

  private RoutingRules load(String yaml) throws IOException {
    return RoutingRules.load(write(yaml), DIRECTORY);
  }

  private List<ConfigProblem> problems(String yaml) throws IOException {
    Path path = write(yaml);
    return assertThrows(
            InvalidRoutingRulesException.class, () -> RoutingRules.load(path, DIRECTORY))
        .problems();
  }

  private ConfigProblem onlyProblem(String yaml) throws IOException {
    List<ConfigProblem> problems = problems(yaml);
    assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
    return problems.get(0);
  }

  private static void assertReason(ConfigProblem problem, String... parts) {
    for (String part : parts) {
      assertTrue(problem.reason().contains(part), () -> "'" + part + "' not in: " + problem);
    }
  }

  @Test
  void repositoryFile_loadsAgainstTheRepositoryDirectory_andIsTheOneInTheJar() {
    RoutingRules rules =
        RoutingRules.load(
            TestDynamo.projectRoot().resolve(RoutingRules.BUNDLED), DirectoryConfig.bundled());

    assertEquals(Optional.of(rules), RoutingRules.bundled());
    assertEquals("inbound-sales", rules.fallbackTeamId());
    assertEquals(
        Set.of("enterprise", "inbound-sales"),
        Set.copyOf(rules.rules().stream().map(RoutingRule::teamId).toList()));
  }

  @Test
  void repositoryFile_exercisesEveryConditionType() {
    RoutingRules rules = RoutingRules.bundled().orElseThrow();
    Set<Class<?>> used = new java.util.HashSet<>();
    rules.rules().forEach(r -> r.when().forEach(c -> used.add(c.getClass())));
    for (Class<?> type : RuleCondition.class.getPermittedSubclasses()) {
      assertTrue(used.contains(type), type.getSimpleName() + " is not used by the demo rules");
    }
    List<RuleCondition.TextField> textFields =
        rules.rules().stream()
            .flatMap(r -> r.when().stream())
            .filter(c -> c instanceof RuleCondition.Text)
            .map(c -> ((RuleCondition.Text) c).field())
            .distinct()
            .toList();
    assertEquals(Set.of(RuleCondition.TextField.values()), Set.copyOf(textFields));
  }

  @Test
  void wellFormedRule_readsEveryConditionInFileOrder() throws IOException {
    RoutingRules rules =
        load(
            HEAD
                + """
                  - id: big-nordics
                    description: Large Nordic companies
                    team: enterprise
                    when:
                      region: [NORDICS]
                      companySize: {min: 500, max: 4999}
                      tier: [hot, WARM]
                      utmCampaign: "abm-*"
                """);

    RoutingRule rule = rules.rules().get(0);
    assertEquals("big-nordics", rule.id());
    assertEquals("enterprise", rule.teamId());
    assertEquals(
        List.of(
            RuleCondition.InRegion.class,
            RuleCondition.CompanySize.class,
            RuleCondition.Tier.class,
            RuleCondition.Text.class),
        rule.when().stream().map(Object::getClass).toList());
    // Norway's code must not turn into the boolean false.
    assertTrue(rules.regions().get(1).countries().contains("NO"));
    assertEquals(
        new RuleCondition.CompanySize(Optional.of(500), Optional.of(4999)), rule.when().get(1));
  }

  @Test
  void unknownFieldInRule_namesFileLineRuleAndSuggestsTheField() throws IOException {
    List<ConfigProblem> problems =
        problems(
            HEAD
                + """
                  - id: big
                    description: Big companies
                    Team: enterprise
                    when: {companySize: {min: 1000}}
                """);

    // In line order: the rule (line 6) misses its team, then the misspelt field on line 8.
    assertEquals(2, problems.size(), problems::toString);
    assertReason(problems.get(0), "'team' is missing", "enterprise, inbound-sales");
    ConfigProblem unknown = problems.get(1);
    assertEquals(file(), unknown.file());
    assertEquals(Optional.of(8), unknown.line());
    assertEquals(Optional.of("rule 'big'"), unknown.entry());
    assertReason(unknown, "unknown field 'Team' in a rule", "did you mean 'team'?");
  }

  @Test
  void unknownCondition_listsTheConditions() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + """
                  - id: german
                    description: German leads
                    team: inbound-sales
                    when:
                      countries: [DE]
                """);

    assertEquals(Optional.of(10), problem.line());
    assertReason(
        problem,
        "unknown field 'countries' in 'when'",
        "use country, region, companySize, industry, tier, utmSource, utmCampaign, formId");
  }

  @Test
  void unknownTopLevelField_isReported() throws IOException {
    ConfigProblem problem = onlyProblem(HEAD + "  []\nfallback: enterprise\n");

    assertEquals(Optional.empty(), problem.entry());
    assertReason(problem, "unknown field 'fallback' at the top level");
  }

  @Test
  void unknownTeam_namesTheDirectorysTeamsAndFile() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + """
                  - id: big
                    description: Big companies
                    team: enterprise-sales
                    when: {companySize: {min: 1000}}
                """);

    assertEquals(Optional.of(8), problem.line());
    assertEquals(Optional.of("rule 'big'"), problem.entry());
    assertReason(
        problem,
        "unknown team 'enterprise-sales'",
        "(enterprise, inbound-sales)",
        "config/directory.yaml");
  }

  @Test
  void unknownFallbackTeam_isReported() throws IOException {
    ConfigProblem problem = onlyProblem("fallbackTeam: outbound\nrules: []\n");

    assertEquals(Optional.of(1), problem.line());
    assertReason(problem, "unknown team 'outbound'");
  }

  @Test
  void missingFallbackTeam_isReported() throws IOException {
    assertReason(onlyProblem("rules: []\n"), "'fallbackTeam' is missing");
  }

  @Test
  void rangeWithMinAboveMax_saysSwapThem() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + """
                  - id: mid
                    description: Mid-market
                    team: inbound-sales
                    when:
                      companySize: {min: 999, max: 200}
                """);

    assertEquals(Optional.of(10), problem.line());
    assertEquals(Optional.of("rule 'mid'"), problem.entry());
    assertReason(problem, "'min' (999) is above 'max' (200); swap them");
  }

  @Test
  void rangeBoundsThatAreNotWholeNumbers_areReportedEach() throws IOException {
    List<ConfigProblem> problems =
        problems(
            HEAD
                + """
                  - id: mid
                    description: Mid-market
                    team: inbound-sales
                    when:
                      companySize:
                        min: 1k
                        max: -5
                """);

    assertEquals(2, problems.size(), problems::toString);
    assertEquals(Optional.of(11), problems.get(0).line());
    assertReason(problems.get(0), "'min' must be a whole number", "(was \"1k\")", "write 1000");
    assertEquals(Optional.of(12), problems.get(1).line());
    assertReason(problems.get(1), "'max' must be a whole number", "(was -5)");
  }

  @Test
  void rangeWrittenAsOneNumberOrEmpty_showsHowToWriteIt() throws IOException {
    ConfigProblem scalar =
        onlyProblem(
            HEAD
                + """
                  - id: big
                    description: Big
                    team: enterprise
                    when: {companySize: 1000}
                """);
    assertReason(scalar, "must be a range with 'min' and/or 'max'", "{min: 1000}");

    ConfigProblem empty =
        onlyProblem(
            HEAD
                + """
                  - id: big
                    description: Big
                    team: enterprise
                    when: {companySize: {}}
                """);
    assertReason(empty, "must be a range with 'min' and/or 'max'");
  }

  @Test
  void unknownRegion_saysWhereToDefineIt_andListsTheDefinedOnes() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + """
                  - id: benelux
                    description: Benelux
                    team: inbound-sales
                    when:
                      region: [BENELUX]
                """);

    assertEquals(Optional.of(10), problem.line());
    assertEquals(Optional.of("rule 'benelux'"), problem.entry());
    assertReason(
        problem,
        "unknown region 'BENELUX'",
        "define it under `regions:`",
        "the regions are DACH, NORDICS");
  }

  @Test
  void regionInTheWrongCase_suggestsTheDefinedOne() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + """
                  - id: dach
                    description: DACH
                    team: inbound-sales
                    when: {region: [Dach]}
                """);

    assertReason(problem, "unknown region 'Dach'; did you mean 'DACH'?");
  }

  @Test
  void badCountryCodes_inRegionsAndRules_suggestTheIsoCode() throws IOException {
    List<ConfigProblem> problems =
        problems(
            """
            regions:
              UKI: [UK, IE]
            fallbackTeam: inbound-sales
            rules:
              - id: narnia
                description: Nowhere
                team: inbound-sales
                when: {country: [XX]}
            """);

    assertEquals(2, problems.size(), problems::toString);
    assertEquals(Optional.of(2), problems.get(0).line());
    assertReason(problems.get(0), "region 'UKI'", "'UK' is not an ISO 3166 country code; use GB");
    assertEquals(Optional.of("rule 'narnia'"), problems.get(1).entry());
    assertReason(problems.get(1), "'XX' is not an ISO 3166 country code");
  }

  @Test
  void unknownTier_namesTheTiers() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + """
                  - id: urgent
                    description: Urgent
                    team: enterprise
                    when: {tier: [burning]}
                """);

    assertReason(problem, "unknown tier 'burning'", "hot, warm and cold");
  }

  @Test
  void ruleWithoutConditions_isAnEmptyRule_pointingToFallbackTeam() throws IOException {
    List<ConfigProblem> problems =
        problems(
            HEAD
                + """
                  - id: everything
                    description: Everything
                    team: enterprise
                  - id: nothing
                    description: Nothing
                    team: enterprise
                    when: {}
                """);

    assertEquals(2, problems.size(), problems::toString);
    assertEquals(Optional.of("rule 'everything'"), problems.get(0).entry());
    assertEquals(Optional.of(6), problems.get(0).line());
    assertReason(problems.get(0), "no conditions, so it would take every lead", "'fallbackTeam'");
    assertEquals(Optional.of("rule 'nothing'"), problems.get(1).entry());
    assertEquals(Optional.of(12), problems.get(1).line());
  }

  @Test
  void conditionWithNoValues_isReported() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + """
                  - id: nobody
                    description: Nobody
                    team: enterprise
                    when: {industry: []}
                """);

    assertReason(problem, "'industry': needs at least one value");
  }

  @Test
  void duplicateIds_nameTheFirstLine() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + """
                  - id: big
                    description: Big
                    team: enterprise
                    when: {companySize: {min: 1000}}
                  - id: big
                    description: Also big
                    team: enterprise
                    when: {companySize: {min: 5000}}
                """);

    assertEquals(Optional.of(10), problem.line());
    assertEquals(Optional.of("rule 'big'"), problem.entry());
    assertReason(problem, "duplicate rule id; it is already used on line 6", "rename one");
  }

  @Test
  void ruleWithoutId_isNamedByPosition() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + """
                  - description: Big
                    team: enterprise
                    when: {companySize: {min: 1000}}
                """);

    assertEquals(Optional.of("rule #1"), problem.entry());
    assertReason(problem, "'id' is missing", "unique id");
  }

  @Test
  void everyProblemInTheFile_isReportedAtOnce_inLineOrder() throws IOException {
    InvalidRoutingRulesException e =
        assertThrows(
            InvalidRoutingRulesException.class,
            () ->
                RoutingRules.load(
                    write(
                        HEAD
                            + """
                              - id: a
                                description: A
                                team: nowhere
                                when: {region: [MARS]}
                              - id: a
                                description: B
                                team: enterprise
                                when: {companySize: {min: 9, max: 1}}
                            """),
                    DIRECTORY));

    assertEquals(
        List.of(Optional.of(8), Optional.of(9), Optional.of(10), Optional.of(13)),
        e.problems().stream().map(ConfigProblem::line).toList());
    assertTrue(e.getMessage().startsWith("Routing rules " + file() + " are invalid (4 problems)"));
    assertTrue(e.getMessage().contains(file() + " line 8, rule 'a': unknown team 'nowhere'"));
  }

  @Test
  void notYaml_saysWhere() throws IOException {
    ConfigProblem problem = onlyProblem("rules:\n  - id: a\n bad: [unclosed\n");

    assertTrue(problem.line().isPresent());
    assertReason(problem, "not valid YAML");
  }

  @Test
  void emptyFile_saysWhatItNeeds() throws IOException {
    assertReason(onlyProblem(""), "the file is empty");
  }
}
