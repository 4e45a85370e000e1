package com.leadhandoff.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.config.ConfigProblem;
import com.leadhandoff.email.Email;
import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.LeadSummary;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.routing.RuleCondition;
import com.leadhandoff.testing.TestDynamo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FollowUpsTest {
  private static final String DEFAULT = "default:\n  template: intro\n";

  @Test
  void repositoryFile_loads_andIsTheOneInTheJar() {
    FollowUps shipped = FollowUps.load(TestDynamo.projectRoot().resolve(FollowUps.BUNDLED));

    assertEquals(FollowUps.bundled(), shipped);
    assertEquals(
        List.of("lead-response-report", "pipeline-webinar", "review-sites", "local-demo"),
        shipped.rules().stream().map(FollowUpRule::id).toList());
    assertEquals("intro", shipped.fallback().template());
  }

  @Test
  void repositoryFile_exercisesEveryConditionType() {
    Set<RuleCondition.TextField> used =
        FollowUps.bundled().rules().stream()
            .flatMap(r -> r.when().stream())
            .map(c -> ((RuleCondition.Text) c).field())
            .collect(Collectors.toSet());

    assertEquals(
        Set.of(
            RuleCondition.TextField.FORM_ID,
            RuleCondition.TextField.UTM_CAMPAIGN,
            RuleCondition.TextField.UTM_SOURCE),
        used);
  }

  @Test
  void repositoryFile_usesEveryTemplate_andEachRendersWithItsCampaign() {
    FollowUps shipped = FollowUps.bundled();
    for (String template : FollowUps.TEMPLATES) {
      FollowUpRule rule =
          shipped.rules().stream()
              .filter(r -> r.template().equals(template))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no entry uses " + template));
      Campaign campaign = rule.campaign().orElseThrow();
      Email email =
          EmailTemplates.render(
              template,
              "dana@acme.example",
              Map.of(
                  "lead", LeadSummary.of(lead("demo-request", null, null)),
                  "rep", Map.of("name", "Ana Ruiz", "email", "ana@sales.test"),
                  "campaign", campaign.view()));
      assertTrue(email.text().contains(campaign.title()), template + ":\n" + email.text());
      assertTrue(email.text().contains("Ana Ruiz"), email.text());
      campaign.link().ifPresent(link -> assertTrue(email.html().contains("href=\"" + link)));
    }
  }

  @Test
  void demoFormOfTheLocalRuntime_getsTheLocalDemoCampaign() {
    FollowUps.Choice choice =
        FollowUps.bundled().choose(lead("demo-request", "local-ui", "try-it-locally"));

    assertEquals("intro", choice.template());
    assertEquals("a personal demo", choice.campaign().orElseThrow().title());
    assertEquals(
        "follow-up local-demo: formId demo-request, utmCampaign try-it-locally", choice.why());
  }

  @Test
  void entriesAreTriedInOrder_andTheDefaultTakesTheRest() {
    FollowUps followUps =
        FollowUps.parse(
            "f.yaml",
            """
            followUps:
              - id: webinar
                description: Webinar registrants
                when: {utmCampaign: ["webinar-*"]}
                template: intro-event
                campaign: {title: the webinar, date: 2026-12-10}
              - id: linkedin
                description: Anything from LinkedIn
                when: {utmSource: [LinkedIn]}
                template: intro
            """
                + DEFAULT);

    assertEquals(
        "follow-up webinar: utmCampaign WEBINAR-dec",
        followUps.choose(lead("x", "linkedin", "WEBINAR-dec")).why());
    assertEquals(
        "follow-up linkedin: utmSource linkedin",
        followUps.choose(lead("x", "linkedin", "spring")).why());
    FollowUps.Choice none = followUps.choose(lead("contact-sales", null, null));
    assertEquals("default follow-up", none.why());
    assertEquals(Optional.empty(), none.campaign());
    assertEquals(
        new Campaign(
            "the webinar",
            Optional.empty(),
            Optional.of(LocalDate.of(2026, 12, 10)),
            Optional.empty()),
        followUps.rules().get(0).campaign().orElseThrow());
    assertEquals(
        "Thursday 10 December 2026",
        followUps.rules().get(0).campaign().orElseThrow().view().date());
  }

  @Test
  void unknownTemplate_namesTheLineTheEntryAndTheTemplatesThatExist() {
    List<ConfigProblem> problems =
        problems(
            """
            followUps:
              - id: ebook
                description: Ebook downloads
                when: {formId: [ebook]}
                template: intro-ebook
            """
                + DEFAULT);

    assertEquals(1, problems.size(), problems.toString());
    assertEquals(
        "f.yaml line 5, follow-up 'ebook': unknown template 'intro-ebook'; use one of intro,"
            + " intro-content, intro-event (the templates beside"
            + " com.leadhandoff.email.EmailTemplates)",
        problems.get(0).toString());
  }

  @Test
  void badEntries_areEachReportedWithLineAndFix() {
    List<ConfigProblem> problems =
        problems(
            """
            followUps:
              - id: report
                description: Report downloads
                when: {formId: [report], country: [DE]}
                template: intro-content
                campaign: {title: the report}
              - id: report
                template: intro-event
                when: {utmCampaign: [x]}
                campaign: {title: a webinar, date: 10.12.2026, link: www.example.com}
              - id: everyone
                description: Everyone
                template: intro
            default:
              template: intro
              when: {formId: [x]}
            """);

    List<String> lines = problems.stream().map(p -> p.line().orElse(0) + " " + p.reason()).toList();
    assertEquals(
        List.of(
            "4 unknown field 'country' in 'when'; use formId, utmCampaign, utmSource",
            "6 template 'intro-content' hands over an asset: add its `link:` (https://…) to the"
                + " campaign",
            "7 duplicate follow-up id; it is already used on line 2, and ids must be unique:"
                + " rename one of the follow-ups",
            "7 'description' is missing or not text; add one line saying which leads get this"
                + " follow-up, e.g. 'Downloads of the 2026 report'",
            "10 'link' www.example.com is not an http(s) address; write the full address, e.g."
                + " https://www.example.com/reports/2026",
            "10 'date' must be a day written YYYY-MM-DD, e.g. 2026-12-10 (was 10.12.2026)",
            "11 the entry has no conditions, so it would take every lead; add one under 'when',"
                + " e.g. when: {formId: [whitepaper]}, or put its template under `default:`",
            "16 unknown field 'when' in the default (it has no id or when); use template,"
                + " campaign"),
        lines);
  }

  @Test
  void entryThatIsNotAMapping_isNamedByItsPosition() {
    List<ConfigProblem> problems = problems("followUps:\n  - whitepaper\n" + DEFAULT);

    assertEquals(
        "f.yaml line 2, follow-up #1: an entry must be a mapping with id, description, when,"
            + " template and campaign (was \"whitepaper\")",
        problems.get(0).toString());
  }

  @Test
  void missingDefault_saysWhatToWrite() {
    List<ConfigProblem> problems = problems("followUps: []\n");

    assertEquals(
        "f.yaml line 1: 'default' is missing; add `default: {template: intro}` for the leads no entry"
            + " matches",
        problems.get(0).toString());
  }

  private static List<ConfigProblem> problems(String yaml) {
    return assertThrows(InvalidFollowUpsException.class, () -> FollowUps.parse("f.yaml", yaml))
        .problems();
  }

  private static Lead lead(String formId, String utmSource, String utmCampaign) {
    return Lead.received(
        "lead-1",
        Instant.parse("2026-11-23T09:00:00Z"),
        new Submission(
            "dana@acme.example",
            "Dana",
            "Prospect",
            "Acme",
            null,
            null,
            "DE",
            250,
            null,
            null,
            formId,
            utmSource,
            null,
            utmCampaign,
            List.of()));
  }
}
