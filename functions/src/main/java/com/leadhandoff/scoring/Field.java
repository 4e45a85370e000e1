package com.leadhandoff.scoring;

import com.leadhandoff.lead.Submission;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A field of the submitted form that a scoring rule can test, by the name the model file uses. */
public enum Field {
  EMAIL("email"),
  EMAIL_DOMAIN("emailDomain"),
  FIRST_NAME("firstName"),
  LAST_NAME("lastName"),
  COMPANY("company"),
  JOB_TITLE("jobTitle"),
  PHONE("phone"),
  COUNTRY("country"),
  COMPANY_SIZE("companySize"),
  INDUSTRY("industry"),
  MESSAGE("message"),
  FORM_ID("formId"),
  UTM_SOURCE("utmSource"),
  UTM_MEDIUM("utmMedium"),
  UTM_CAMPAIGN("utmCampaign"),
  PAGES_VIEWED("pagesViewed");

  private final String yamlName;

  // The values are read in a switch rather than by a function per constant: each lambda is a class
  // the JVM spins when the enum loads, sixteen of them on the first lead a function scores.
  Field(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name rules use for this field. */
  public String yamlName() {
    return yamlName;
  }

  /** Whether the field holds a number (tested with min/max) rather than text. */
  public boolean isNumber() {
    return this == COMPANY_SIZE;
  }

  /** The field's non-blank text values in {@code submission}; empty for a number field. */
  List<String> texts(Submission s) {
    return switch (this) {
      case EMAIL -> text(s.email());
      case EMAIL_DOMAIN -> s.email() == null ? List.of() : text(s.emailDomain());
      case FIRST_NAME -> text(s.firstName());
      case LAST_NAME -> text(s.lastName());
      case COMPANY -> text(s.company());
      case JOB_TITLE -> text(s.jobTitle());
      case PHONE -> text(s.phone());
      case COUNTRY -> text(s.country());
      case COMPANY_SIZE -> List.of();
      case INDUSTRY -> text(s.industry());
      case MESSAGE -> text(s.message());
      case FORM_ID -> text(s.formId());
      case UTM_SOURCE -> text(s.utmSource());
      case UTM_MEDIUM -> text(s.utmMedium());
      case UTM_CAMPAIGN -> text(s.utmCampaign());
      case PAGES_VIEWED -> paths(s.pagesViewed());
    };
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
    String stripped = value == null ? "" : value.strip();
    return stripped.isEmpty() ? List.of() : List.of(stripped);
  }

  // Forms may report full URLs or paths; rules are written against paths (/pricing*).
  private static List<String> paths(List<String> pages) {
    List<String> paths = new ArrayList<>(pages.size());
    for (String page : pages) {
      paths.add(path(page));
    }
    return List.copyOf(paths);
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
