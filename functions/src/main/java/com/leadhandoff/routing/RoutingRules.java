package com.leadhandoff.routing;

import com.leadhandoff.config.ReadOnce;
import com.leadhandoff.lead.Lead;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The routing rules of {@code config/routing-rules.yaml}: ordered rules, the first that matches a
 * lead names its team, and a fallback team for the rest. Loading checks the whole file, including
 * that every team it names is in the directory, and fails with {@link InvalidRoutingRulesException}
 * naming the file, line, rule and fix of every problem.
 *
 * @param regions named groups of countries, as the file defines them
 * @param rules in file order, which is the order they are tried in
 * @param fallbackTeamId the team of a lead no rule matches
 */
public record RoutingRules(List<Region> regions, List<RoutingRule> rules, String fallbackTeamId) {
  /** Where the file sits in the repository and, by the same name, inside the function jar. */
  public static final String BUNDLED = "config/routing-rules.yaml";

  private static final ReadOnce<Optional<RoutingRules>> READ_BUNDLED =
      new ReadOnce<>() {
        @Override
        protected Optional<RoutingRules> read() {
          return fromClasspath();
        }
      };

  public RoutingRules {
    regions = List.copyOf(regions);
    rules = List.copyOf(rules);
  }

  /**
   * A named group of countries.
   *
   * @param countries upper-case ISO 3166 two-letter codes
   */
  public record Region(String name, Set<String> countries) {
    public Region {
      countries = Set.copyOf(countries);
    }
  }

  /**
   * Where one lead goes and why.
   *
   * @param rule the rule that matched; empty when the lead went to the fallback team
   * @param why for the lead's history, e.g. {@code rule enterprise-size: companySize 1200 in 1000+}
   */
  public record Decision(String teamId, Optional<RoutingRule> rule, String why) {}

  /** The team for {@code lead}: the first matching rule's, else the fallback team. */
  public Decision decide(Lead lead) {
    for (RoutingRule rule : rules) {
      Optional<List<String>> matched = rule.match(lead);
      if (matched.isPresent()) {
        return new Decision(
            rule.teamId(),
            Optional.of(rule),
            "rule " + rule.id() + ": " + String.join(", ", matched.get()));
      }
    }
    return new Decision(fallbackTeamId, Optional.empty(), "no rule matched, fallback team");
  }

  /**
   * The rules shipped with the functions, checked against the directory shipped with them; read
   * once per container. Empty when the jar has no rules file, so every lead goes to the default
   * team as before.
   */
  public static Optional<RoutingRules> bundled() {
    return READ_BUNDLED.get();
  }

  /**
   * The rules shipped with the functions, checked against another directory file: for a dry run of
   * the current rules with a proposed directory. Empty when the jar has no rules file.
   */
  public static Optional<RoutingRules> bundled(DirectoryConfig directory) {
    return bundledText().map(yaml -> parse(BUNDLED, yaml, directory));
  }

  /** The rules in {@code file}, checked against {@code directory}: for tests and dry runs. */
  public static RoutingRules load(Path file, DirectoryConfig directory) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read routing rules " + file, e);
    }
  }

  /**
   * The rules written in {@code yaml}.
   *
   * @param file how to name the rules' source in error messages
   * @param directory the teams a rule may send leads to
   */
  public static RoutingRules parse(String file, String yaml, DirectoryConfig directory) {
    Set<String> teamIds =
        directory.teams().stream().map(Team::teamId).collect(Collectors.toUnmodifiableSet());
    return RulesReader.read(file, yaml, teamIds);
  }

  private static Optional<RoutingRules> fromClasspath() {
    return bundledText().map(yaml -> parse(BUNDLED, yaml, DirectoryConfig.bundled()));
  }

  private static Optional<String> bundledText() {
    try (InputStream in = RoutingRules.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read routing rules " + BUNDLED, e);
    }
  }
}
