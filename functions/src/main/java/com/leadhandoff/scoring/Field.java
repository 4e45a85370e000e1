package com.leadhandoff.scoring;

import com.leadhandoff.lead.Submission;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A field of the submitted form that a scoring rule can test, by the name the model file uses. */
public enum Field {
  EMAIL("email", s -> text(s.email())),
  EMAIL_DOMAIN("emailDomain", s -> s.email() == null ? List.of() : text(s.emailDomain())),
  FIRST_NAME("firstName", s -> text(s.firstName())),
  LAST_NAME("lastName", s -> text(s.lastName())),
  COMPANY("company", s -> text(s.company())),
  JOB_TITLE("jobTitle", s -> text(s.jobTitle())),
  PHONE("phone", s -> text(s.phone())),
  COUNTRY("country", s -> text(s.country())),
  COMPANY_SIZE("companySize", null),
  INDUSTRY("industry", s -> text(s.industry())),
  MESSAGE("message", s -> text(s.message())),
  FORM_ID("formId", s -> text(s.formId())),
  UTM_SOURCE("utmSource", s -> text(s.utmSource())),
  UTM_MEDIUM("utmMedium", s -> text(s.utmMedium())),
  UTM_CAMPAIGN("utmCampaign", s -> text(s.utmCampaign())),
  // Forms may report full URLs or paths; rules are written against paths (/pricing*).
  PAGES_VIEWED("pagesViewed", s -> s.pagesViewed().stream().map(Field::path).toList());

  private final String yamlName;
  private final Function<Submission, List<String>> texts;

  Field(String yamlName, Function<Submission, List<String>> texts) {
    this.yamlName = yamlName;
    this.texts = texts;
  }

  /** The name rules use for this field. */
  public String yamlName() {
    return yamlName;
  }

  /** Whether the field holds a number (tested with min/max) rather than text. */
  public boolean isNumber() {
    return texts == null;
  }

  /** The field's non-blank text values in {@code submission}; empty for a number field. */
  List<String> texts(Submission submission) {
    return isNumber() ? List.of() : texts.apply(submission);
  }

  /** The field's number in {@code submission}, if it is a number field and was filled in. */
  Optional<Integer> number(Submission submission) {
    return isNumber() ? Optional.ofNullable(submission.companySize()) : Optional.empty();
  }

  /** The field named {@code name} in a model file. */
  static Optional<Field> named(String name) {
    return Arrays.stream(values()).filter(f -> f.yamlName.equals(name)).findFirst();
  }

  /** A field whose name differs from {@code name} only in letter case, as a suggestion. */
  static Optional<Field> resembling(String name) {
    return Arrays.stream(values()).filter(f -> f.yamlName.equalsIgnoreCase(name)).findFirst();
  }

  /** Every field name, for error messages. */
  static String names() {
    return Arrays.stream(values()).map(Field::yamlName).collect(Collectors.joining(", "));
  }

  private static List<String> text(String value) {
    return Stream.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  private static String path(String page) {
    String value = page.strip();
    if (value.regionMatches(true, 0, "http://", 0, 7)
        || value.regionMatches(true, 0, "https://", 0, 8)) {
      try {
        String path = URI.create(value).getPath();
        return path == null || path.isEmpty() ? "/" : path;
      } catch (IllegalArgumentException e) {
        return value; // not a well-formed URL: compare it as written
      }
    }
    return value;
  }
}
