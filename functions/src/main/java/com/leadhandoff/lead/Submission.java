package com.leadhandoff.lead;

import java.util.List;

/**
 * What a prospect submitted on a web form, already validated. Optional fields the prospect left
 * empty are {@code null}; {@link #pagesViewed} is never null.
 *
 * @param email the prospect's email address (required)
 * @param country ISO 3166 alpha-2 code, upper case
 * @param companySize number of employees
 * @param formId which form was filled in (demo request, newsletter…)
 * @param pagesViewed pages or content the prospect looked at before submitting
 */
public record Submission(
    String email,
    String firstName,
    String lastName,
    String company,
    String jobTitle,
    String phone,
    String country,
    Integer companySize,
    String industry,
    String message,
    String formId,
    String utmSource,
    String utmMedium,
    String utmCampaign,
    List<String> pagesViewed) {

  public Submission {
    pagesViewed = pagesViewed == null ? List.of() : List.copyOf(pagesViewed);
  }

  /** The prospect's name as a rep would greet them, falling back to the email address. */
  public String displayName() {
    String name =
        ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    return name.isEmpty() ? email : name;
  }

  /** The part of the email address after the {@code @}, lower case. */
  public String emailDomain() {
    return email.substring(email.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
