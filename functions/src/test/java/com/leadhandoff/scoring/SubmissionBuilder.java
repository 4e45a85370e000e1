package com.leadhandoff.scoring;

import com.leadhandoff.lead.Submission;
import java.util.List;

/** Builds form submissions for tests, starting from the plausible demo prospects. */
public final class SubmissionBuilder {
  private String email = "someone@example.org";
  private String firstName;
  private String lastName;
  private String company;
  private String jobTitle;
  private String country;
  private Integer companySize;
  private String industry;
  private String formId;
  private String utmSource;
  private List<String> pagesViewed = List.of();

  /** A blank submission: an email address and nothing else. */
  public static SubmissionBuilder blank() {
    return new SubmissionBuilder();
  }

  /** A VP at a 500-person software company in Germany asking for a demo after the pricing page. */
  public static SubmissionBuilder vpAskingForDemo() {
    return blank()
        .email("jana.keller@brightlane.de")
        .name("Jana", "Keller")
        .company("Brightlane Software GmbH")
        .jobTitle("VP Sales")
        .country("DE")
        .companySize(500)
        .industry("Software")
        .formId("demo-request")
        .pagesViewed("/product", "/pricing");
  }

  /** A student with a Gmail address signing up for the newsletter. */
  public static SubmissionBuilder studentOnNewsletter() {
    return blank()
        .email("tim.student99@gmail.com")
        .name("Tim", "Berger")
        .jobTitle("Student")
        .country("AT")
        .formId("newsletter");
  }

  public SubmissionBuilder email(String value) {
    email = value;
    return this;
  }

  public SubmissionBuilder name(String first, String last) {
    firstName = first;
    lastName = last;
    return this;
  }

  public SubmissionBuilder company(String value) {
    company = value;
    return this;
  }

  public SubmissionBuilder jobTitle(String value) {
    jobTitle = value;
    return this;
  }

  public SubmissionBuilder country(String value) {
    country = value;
    return this;
  }

  public SubmissionBuilder companySize(Integer value) {
    companySize = value;
    return this;
  }

  public SubmissionBuilder industry(String value) {
    industry = value;
    return this;
  }

  public SubmissionBuilder formId(String value) {
    formId = value;
    return this;
  }

  public SubmissionBuilder utmSource(String value) {
    utmSource = value;
    return this;
  }

  public SubmissionBuilder pagesViewed(String... pages) {
    pagesViewed = List.of(pages);
    return this;
  }

  public Submission build() {
    return new Submission(
        email,
        firstName,
        lastName,
        company,
        jobTitle,
        null,
        country,
        companySize,
        industry,
        null,
        formId,
        utmSource,
        null,
        null,
        pagesViewed);
  }
}
