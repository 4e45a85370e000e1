package com.leadhandoff.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.Score.Reason;
import com.leadhandoff.scoring.Score.Tier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScoringModelTest {
  private static final ScoringModel.Tiers TIERS = new ScoringModel.Tiers(75, 45);

  private static Rule rule(String id, Rule.Group group, int points, Condition when) {
    return new Rule(id, group, "because " + id, points, when);
  }

  private static boolean fires(Condition condition, SubmissionBuilder submission) {
    return condition.test(submission.build());
  }

  /** A model with one fit rule worth {@code points} that fires on form "demo". */
  private static Score scoreWorth(int points) {
    ScoringModel model =
        new ScoringModel(
            60,
            TIERS,
            List.of(
                rule(
                    "p",
                    Rule.Group.FIT,
                    points,
                    new Condition.OneOf(Field.FORM_ID, List.of("demo")))));
    return model.score(SubmissionBuilder.blank().formId("demo").build());
  }

  @Test
  void oneOf_firesOnAListedValue_ignoringCaseAndSpaces() {
    Condition country = new Condition.OneOf(Field.COUNTRY, List.of("DE", "AT"));

    assertTrue(fires(country, SubmissionBuilder.blank().country("de")));
    assertTrue(fires(country, SubmissionBuilder.blank().country(" AT ")));
    assertFalse(fires(country, SubmissionBuilder.blank().country("FR")));
  }

  @Test
  void emptyField_firesNoRule() {
    Submission empty = SubmissionBuilder.blank().build();

    assertFalse(new Condition.OneOf(Field.INDUSTRY, List.of("Software")).test(empty));
    assertFalse(new Condition.Words(Field.JOB_TITLE, List.of("VP")).test(empty));
    assertFalse(new Condition.Matches(Field.PAGES_VIEWED, List.of("*")).test(empty));
    assertFalse(
        new Condition.Range(Field.COMPANY_SIZE, Optional.of(0), Optional.empty()).test(empty));
  }

  @Test
  void range_includesBothEnds() {
    Condition midMarket =
        new Condition.Range(Field.COMPANY_SIZE, Optional.of(200), Optional.of(999));

    assertFalse(fires(midMarket, SubmissionBuilder.blank().companySize(199)));
    assertTrue(fires(midMarket, SubmissionBuilder.blank().companySize(200)));
    assertTrue(fires(midMarket, SubmissionBuilder.blank().companySize(999)));
    assertFalse(fires(midMarket, SubmissionBuilder.blank().companySize(1000)));
  }

  @Test
  void range_withOneEndOpen_isUnboundedOnThatSide() {
    Condition enterprise =
        new Condition.Range(Field.COMPANY_SIZE, Optional.of(1000), Optional.empty());

    assertTrue(fires(enterprise, SubmissionBuilder.blank().companySize(250_000)));
    assertFalse(fires(enterprise, SubmissionBuilder.blank().companySize(999)));
  }

  @Test
  void words_matchWholeWordsAndPhrases_notPartsOfWords() {
    Condition executive = new Condition.Words(Field.JOB_TITLE, List.of("VP", "Head of", "Chief"));

    assertTrue(fires(executive, SubmissionBuilder.blank().jobTitle("VP Sales")));
    assertTrue(fires(executive, SubmissionBuilder.blank().jobTitle("Sales VP, EMEA")));
    assertTrue(fires(executive, SubmissionBuilder.blank().jobTitle("head of marketing")));
    assertTrue(fires(executive, SubmissionBuilder.blank().jobTitle("Chief Revenue Officer")));
    assertFalse(fires(executive, SubmissionBuilder.blank().jobTitle("MVP Engineer")));
    assertFalse(fires(executive, SubmissionBuilder.blank().jobTitle("Headhunter")));
  }

  @Test
  void matches_globsPages_andComparesFullUrlsByTheirPath() {
    Condition pricing = new Condition.Matches(Field.PAGES_VIEWED, List.of("/pricing*"));

    assertTrue(fires(pricing, SubmissionBuilder.blank().pagesViewed("/blog", "/pricing")));
    assertTrue(fires(pricing, SubmissionBuilder.blank().pagesViewed("/Pricing/enterprise")));
    assertTrue(
        fires(
            pricing, SubmissionBuilder.blank().pagesViewed("https://www.example.com/pricing?x=1")));
    assertFalse(fires(pricing, SubmissionBuilder.blank().pagesViewed("/blog/pricing-tips")));
  }

  @Test
  void emailDomain_isTestedWithoutTheLocalPart() {
    Condition freeMail = new Condition.OneOf(Field.EMAIL_DOMAIN, List.of("gmail.com"));
    Condition edu = new Condition.Matches(Field.EMAIL_DOMAIN, List.of("*.edu"));

    assertTrue(fires(freeMail, SubmissionBuilder.blank().email("Tim@GMail.com")));
    assertFalse(fires(freeMail, SubmissionBuilder.blank().email("gmail.com@acme.io")));
    assertTrue(fires(edu, SubmissionBuilder.blank().email("ann@cs.stanford.edu")));
    assertFalse(fires(edu, SubmissionBuilder.blank().email("ann@education.com")));
  }

  @Test
  void total_isClampedTo100() {
    assertEquals(100, scoreWorth(130).points());
  }

  @Test
  void total_isClampedTo0_whileNegativeReasonsStayListed() {
    Score score = scoreWorth(-40);

    assertEquals(0, score.points());
    assertEquals(List.of(new Reason("p", "because p", -40)), score.reasons());
  }

  @Test
  void tiers_startExactlyAtTheirCutOffs() {
    assertEquals(Tier.HOT, scoreWorth(75).tier());
    assertEquals(Tier.WARM, scoreWorth(74).tier());
    assertEquals(Tier.WARM, scoreWorth(45).tier());
    assertEquals(Tier.COLD, scoreWorth(44).tier());
  }

  @Test
  void qualified_exactlyAtTheThreshold_notOneBelow() {
    assertTrue(scoreWorth(60).qualified());
    assertFalse(scoreWorth(59).qualified());
  }

  @Test
  void noRuleFiring_scoresZero_cold_unqualified() {
    Score score = scoreWorth(10);
    Score none = new ScoringModel(60, TIERS, List.of()).score(SubmissionBuilder.blank().build());

    assertEquals(10, score.points());
    assertEquals(new Score(0, Tier.COLD, false, List.of()), none);
  }

  @Test
  void reasons_listEveryFiredRuleInModelOrder_withItsPoints() {
    ScoringModel model =
        new ScoringModel(
            60,
            TIERS,
            List.of(
                rule(
                    "software",
                    Rule.Group.FIT,
                    5,
                    new Condition.OneOf(Field.INDUSTRY, List.of("Software"))),
                rule(
                    "in-france",
                    Rule.Group.FIT,
                    10,
                    new Condition.OneOf(Field.COUNTRY, List.of("FR"))),
                rule(
                    "demo",
                    Rule.Group.INTENT,
                    30,
                    new Condition.OneOf(Field.FORM_ID, List.of("demo"))),
                rule(
                    "free-email",
                    Rule.Group.NEGATIVE,
                    -20,
                    new Condition.OneOf(Field.EMAIL_DOMAIN, List.of("gmail.com")))));

    Score score =
        model.score(
            SubmissionBuilder.blank()
                .email("x@gmail.com")
                .industry("Software")
                .country("DE")
                .formId("demo")
                .build());

    assertEquals(
        List.of(
            new Reason("software", "because software", 5),
            new Reason("demo", "because demo", 30),
            new Reason("free-email", "because free-email", -20)),
        score.reasons());
    assertEquals(15, score.points());
  }
}
