package com.leadhandoff.routing;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.Submission;
import com.leadhandoff.scoring.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** One condition of a routing rule: a lead field against the values the rule accepts. */
public sealed interface RuleCondition {
  /**
   * Whether the lead meets the condition, told as the value that made it match (for the lead's
   * history and the dry run), e.g. {@code country DE in region DACH}; empty when it does not. A
   * field the prospect left empty never matches.
   */
  Optional<String> match(Lead lead);

  /** What made each of {@code conditions} hold, one entry per condition; empty if any does not. */
  static Optional<List<String>> matchAll(List<RuleCondition> conditions, Lead lead) {
    List<String> matched = new ArrayList<>();
    for (RuleCondition condition : conditions) {
      Optional<String> why = condition.match(lead);
      if (why.isEmpty()) {
        return Optional.empty();
      }
      matched.add(why.get());
    }
    return Optional.of(matched);
  }

  /** The lead's country is one of {@code countries} (upper-case ISO codes). */
  record Country(Set<String> countries) implements RuleCondition {
    public Country {
      countries = Set.copyOf(countries);
    }

    @Override
    public Optional<String> match(Lead lead) {
      return Optional.ofNullable(lead.submission().country())
          .filter(countries::contains)
          .map(c -> "country " + c);
    }
  }

  /** The lead's country is in one of {@code regions}, tried in the order the rule names them. */
  record InRegion(List<RoutingRules.Region> regions) implements RuleCondition {
    public InRegion {
      regions = List.copyOf(regions);
    }

    @Override
    public Optional<String> match(Lead lead) {
      String country = lead.submission().country();
      return regions.stream()
          .filter(r -> country != null && r.countries().contains(country))
          .findFirst()
          .map(r -> "country " + country + " in region " + r.name());
    }
  }

  /** The company's employees lie within {@code min}..{@code max}, both included, either open. */
  record CompanySize(Optional<Integer> min, Optional<Integer> max) implements RuleCondition {
    @Override
    public Optional<String> match(Lead lead) {
      return Optional.ofNullable(lead.submission().companySize())
          .filter(n -> min.map(m -> n >= m).orElse(true) && max.map(m -> n <= m).orElse(true))
          .map(n -> "companySize " + n + " in " + range());
    }

    /** The range as the history shows it: {@code 1000+}, {@code 500-999}, {@code up to 49}. */
    String range() {
      if (max.isEmpty()) {
        return min.orElse(0) + "+";
      }
      return min.map(m -> m + "-" + max.get()).orElse("up to " + max.get());
    }
  }

  /**
   * The lead's stored score is in one of {@code tiers}. A lead routed before it was scored has no
   * tier, so it matches no tier rule rather than being guessed into one.
   */
  record Tier(Set<Score.Tier> tiers) implements RuleCondition {
    public Tier {
      tiers = Set.copyOf(tiers);
    }

    @Override
    public Optional<String> match(Lead lead) {
      return lead.score()
          .map(Score::tier)
          .filter(tiers::contains)
          .map(t -> "tier " + t.name().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * A text field equals one of {@code values}, ignoring case, where {@code *} in a value stands for
   * any text ({@code abm-*}).
   */
  record Text(TextField field, List<String> values) implements RuleCondition {
    public Text {
      values = List.copyOf(values);
    }

    @Override
    public Optional<String> match(Lead lead) {
      return Optional.ofNullable(field.read.apply(lead.submission()))
          .map(String::strip)
          .filter(v -> values.stream().anyMatch(pattern -> glob(pattern).matcher(v).matches()))
          .map(v -> field.yamlName + " " + v);
    }

    private static Pattern glob(String pattern) {
      StringBuilder regex = new StringBuilder();
      for (String literal : pattern.strip().split("\\*", -1)) {
        if (!regex.isEmpty()) {
          regex.append(".*");
        }
        regex.append(Pattern.quote(literal));
      }
      return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
  }

  /** The free-text lead fields a rule can test, by the name the rules file uses. */
  enum TextField {
    INDUSTRY("industry", Submission::industry),
    UTM_SOURCE("utmSource", Submission::utmSource),
    UTM_CAMPAIGN("utmCampaign", Submission::utmCampaign),
    FORM_ID("formId", Submission::formId);

    private final String yamlName;
    private final Function<Submission, String> read;

    TextField(String yamlName, Function<Submission, String> read) {
      this.yamlName = yamlName;
      this.read = read;
    }

    /** The key of this field under a rule's {@code when}. */
    String yamlName() {
      return yamlName;
    }
  }
}
