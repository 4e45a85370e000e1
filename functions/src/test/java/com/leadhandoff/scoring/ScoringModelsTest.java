package com.leadhandoff.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.config.ConfigProblem;
import com.leadhandoff.testing.TestDynamo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringModelsTest {
  private static final String HEAD = "mqlThreshold: 60\ntiers:\n  hot: 75\n  warm: 45\n";

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("scoring-model.yaml"), yaml);
  }

  private List<ConfigProblem> problems(String yaml) throws IOException {
    Path file = write(yaml);
    return assertThrows(InvalidScoringModelException.class, () -> ScoringModels.load(file))
        .problems();
  }

  private ConfigProblem onlyProblem(String yaml) throws IOException {
    List<ConfigProblem> problems = problems(yaml);
    assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
    return problems.get(0);
  }

  private String file() {
    return dir.resolve("scoring-model.yaml").toString();
  }

  @Test
  void theRepositoryModel_loads_withEveryGroup() {
    ScoringModel model =
        ScoringModels.load(TestDynamo.projectRoot().resolve(ScoringModels.BUNDLED));

    assertEquals(model, ScoringModels.bundled());
    assertTrue(model.mqlThreshold() > 0);
    for (Rule.Group group : Rule.Group.values()) {
      assertTrue(model.rules().stream().anyMatch(r -> r.group() == group), group + " has rules");
    }
    assertTrue(
        model.rules().stream()
            .filter(r -> r.group() == Rule.Group.NEGATIVE)
            .allMatch(r -> r.points() < 0));
  }

  @Test
  void theRepositoryModel_makesAVpAskingForADemoHotAndQualified() {
    Score score = ScoringModels.bundled().score(SubmissionBuilder.vpAskingForDemo().build());

    assertEquals(Score.Tier.HOT, score.tier());
    assertTrue(score.qualified());
    assertEquals(
        List.of(
            "target-industry",
            "mid-market-company",
            "executive",
            "core-market",
            "demo-request",
            "viewed-pricing"),
        score.reasons().stream().map(Score.Reason::rule).toList());
  }

  @Test
  void theRepositoryModel_makesAGmailStudentOnTheNewsletterColdAndUnqualified() {
    Score score = ScoringModels.bundled().score(SubmissionBuilder.studentOnNewsletter().build());

    assertEquals(0, score.points());
    assertEquals(Score.Tier.COLD, score.tier());
    assertFalse(score.qualified());
    assertEquals(
        List.of("core-market", "free-email", "student-title"),
        score.reasons().stream().map(Score.Reason::rule).toList());
  }

  @Test
  void emptyRuleLists_areAllowed() throws IOException {
    ScoringModel model = ScoringModels.load(write(HEAD + "fit: []\nintent:\nnegative: []\n"));

    assertEquals(List.of(), model.rules());
    assertEquals(new ScoringModel.Tiers(75, 45), model.tiers());
  }

  @Test
  void wordForANumber_namesFileLineRuleAndFix() throws IOException {
    String yaml =
        HEAD
            + "fit:\n"
            + "  - id: big-company\n"
            + "    description: Big company\n"
            + "    points: 10\n"
            + "    when:\n"
            + "      field: companySize\n"
            + "      min: ten\n";

    ConfigProblem problem = onlyProblem(yaml);

    assertEquals(
        file() + " line 11, rule 'big-company': 'min' must be a whole number ≥ 0 (was \"ten\")",
        problem.toString());
  }

  @Test
  void unknownTestInACondition_isNamedWithTheTestsThatExist() throws IOException {
    String yaml =
        HEAD
            + "fit:\n"
            + "  - id: title\n"
            + "    description: Senior\n"
            + "    points: 10\n"
            + "    when:\n"
            + "      field: jobTitle\n"
            + "      contains: [VP]\n";

    List<ConfigProblem> problems = problems(yaml);

    assertEquals(Optional.of(11), problems.get(0).line());
    assertEquals(Optional.of("rule 'title'"), problems.get(0).entry());
    assertTrue(
        problems
            .get(0)
            .reason()
            .startsWith("unknown field 'contains' in 'when'; use field, in, matches"));
  }

  @Test
  void unknownSubmissionField_suggestsTheRightSpelling() throws IOException {
    String yaml =
        HEAD
            + "intent:\n"
            + "  - id: source\n"
            + "    description: Review site\n"
            + "    points: 10\n"
            + "    when:\n"
            + "      field: utmsource\n"
            + "      in: [g2]\n";

    ConfigProblem problem = onlyProblem(yaml);

    assertEquals(Optional.of(10), problem.line());
    assertEquals("unknown field 'utmsource'; did you mean 'utmSource'?", problem.reason());
  }

  @Test
  void unknownSubmissionField_withoutALookAlike_listsTheFields() throws IOException {
    String yaml =
        HEAD
            + "fit:\n"
            + "  - id: revenue\n"
            + "    description: Revenue\n"
            + "    points: 10\n"
            + "    when: {field: revenue, min: 1000000}\n";

    ConfigProblem problem = onlyProblem(yaml);

    assertTrue(
        problem.reason().startsWith("unknown field 'revenue'; the fields are email, emailDomain"),
        problem.reason());
  }

  @Test
  void duplicateRuleIds_pointToTheFirstUse() throws IOException {
    String rule =
        "  - id: demo\n    description: Demo\n    points: 30\n    when: {field: formId, in: [demo]}\n";

    ConfigProblem problem = onlyProblem(HEAD + "intent:\n" + rule + rule);

    assertEquals(
        file()
            + " line 10, rule 'demo': duplicate rule id; it is already used on line 6, and ids must be unique",
        problem.toString());
  }

  @Test
  void missingDescriptionAndPoints_areBothReported() throws IOException {
    List<ConfigProblem> problems =
        problems(HEAD + "fit:\n  - id: germany\n    when: {field: country, in: [DE]}\n");

    assertEquals(2, problems.size(), problems::toString);
    assertTrue(problems.stream().allMatch(p -> p.entry().equals(Optional.of("rule 'germany'"))));
    assertTrue(problems.stream().allMatch(p -> p.line().equals(Optional.of(6))));
    assertTrue(problems.get(0).reason().startsWith("'description' is missing"));
    assertTrue(problems.get(1).reason().startsWith("'points' is missing"));
  }

  @Test
  void ruleWithoutId_isNamedByItsPosition() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + "negative:\n  - id: a\n    description: A\n    points: -5\n    when: {field: country, in: [XX]}\n"
                + "  - description: B\n    points: -5\n    when: {field: country, in: [YY]}\n");

    assertEquals(Optional.of("rule #2 in 'negative'"), problem.entry());
    assertEquals(Optional.of(10), problem.line());
  }

  @Test
  void positivePointsOnANegativeRule_explainTheSign() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + "negative:\n  - id: gmail\n    description: Free mail\n    points: 20\n"
                + "    when: {field: emailDomain, in: [gmail.com]}\n");

    assertEquals(
        "'points' must be a whole number from -100 to -1: negative rules take points away (was 20)",
        problem.reason());
  }

  @Test
  void thresholdsOutside0To100_areRejected() throws IOException {
    List<ConfigProblem> problems = problems("mqlThreshold: 120\ntiers:\n  hot: 75\n  warm: -1\n");

    assertEquals(2, problems.size(), problems::toString);
    assertEquals(
        file() + " line 1: 'mqlThreshold' must be a whole number from 0 to 100 (was 120)",
        problems.get(0).toString());
    assertEquals(
        file() + " line 4: 'warm' must be a whole number from 0 to 100 (was -1)",
        problems.get(1).toString());
  }

  @Test
  void hotCutOffBelowWarm_isRejected() throws IOException {
    ConfigProblem problem = onlyProblem("mqlThreshold: 60\ntiers:\n  hot: 40\n  warm: 50\n");

    assertEquals(
        file()
            + " line 3: the 'hot' cut-off (40) is below the 'warm' cut-off (50); hot must be at least warm",
        problem.toString());
  }

  @Test
  void textTestOnANumberField_andRangeOnTextField_areRejected() throws IOException {
    List<ConfigProblem> problems =
        problems(
            HEAD
                + "fit:\n"
                + "  - id: size\n    description: Size\n    points: 5\n    when: {field: companySize, in: [500]}\n"
                + "  - id: title\n    description: Title\n    points: 5\n    when: {field: jobTitle, min: 3}\n");

    assertEquals(2, problems.size(), problems::toString);
    assertTrue(problems.get(0).reason().contains("'companySize' is a number"));
    assertTrue(problems.get(1).reason().contains("'jobTitle' is text"));
  }

  @Test
  void twoTestsInOneCondition_askForOneRulePerTest() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + "fit:\n  - id: de\n    description: DE\n    points: 5\n"
                + "    when: {field: country, in: [DE], matches: [\"D*\"]}\n");

    assertEquals(
        "'when' has more than one test (in, matches); use one per rule, or split it into several"
            + " rules",
        problem.reason());
  }

  @Test
  void rangeWithMinAboveMax_saysToSwapThem() throws IOException {
    ConfigProblem problem =
        onlyProblem(
            HEAD
                + "fit:\n  - id: mid\n    description: Mid\n    points: 5\n"
                + "    when: {field: companySize, min: 999, max: 200}\n");

    assertEquals("'min' (999) is above 'max' (200); swap them", problem.reason());
    assertEquals(Optional.of(9), problem.line());
  }

  @Test
  void everyProblem_isReportedAtOnce_inLineOrder() throws IOException {
    String yaml =
        "mqlThreshold: sixty\n"
            + "tiers: {hot: 75, warm: 45}\n"
            + "fit:\n"
            + "  - id: a\n    description: A\n    points: 5\n    when: {field: nope, in: [x]}\n"
            + "intent:\n"
            + "  - id: a\n    description: A again\n    points: 5\n    when: {field: formId, in: []}\n";

    InvalidScoringModelException e =
        assertThrows(InvalidScoringModelException.class, () -> ScoringModels.load(write(yaml)));

    assertEquals(
        List.of(1, 7, 9, 12),
        e.problems().stream().map(p -> p.line().orElseThrow()).toList(),
        e::getMessage);
    assertTrue(e.getMessage().startsWith("Scoring model " + file() + " is invalid (4 problems):"));
  }

  @Test
  void yamlSyntaxError_namesTheLine() throws IOException {
    ConfigProblem problem = onlyProblem(HEAD + "fit:\n  - id: a\n   description: [unclosed\n");

    assertTrue(problem.line().isPresent(), problem::toString);
    assertTrue(problem.reason().startsWith("not valid YAML"), problem::toString);
  }

  @Test
  void sameKeyTwice_isASyntaxProblem_notASilentOverride() throws IOException {
    ConfigProblem problem = onlyProblem(HEAD + "mqlThreshold: 50\n");

    assertEquals(Optional.of(5), problem.line());
    assertTrue(problem.reason().contains("mqlThreshold"), problem::toString);
  }

  @Test
  void listValues_areTakenAsWritten_soNorwayStaysACountry() throws IOException {
    ScoringModel model =
        ScoringModels.load(
            write(
                HEAD
                    + "fit:\n  - id: nordics\n    description: Nordics\n    points: 5\n"
                    + "    when: {field: country, in: [NO, SE]}\n"
                    + "  - id: campaign\n    description: Campaign\n    points: 5\n"
                    + "    when: {field: utmCampaign, in: [007]}\n"));

    assertEquals(
        List.of(
            new Condition.OneOf(Field.COUNTRY, List.of("NO", "SE")),
            new Condition.OneOf(Field.UTM_CAMPAIGN, List.of("007"))),
        model.rules().stream().map(Rule::when).toList());
  }

  @Test
  void emptyFile_isExplained() throws IOException {
    assertTrue(onlyProblem("# nothing yet\n").reason().startsWith("the file is empty"));
  }
}
