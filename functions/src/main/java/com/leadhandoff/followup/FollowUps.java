package com.leadhandoff.followup;

import com.leadhandoff.config.ReadOnce;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.routing.RuleCondition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The follow-ups of {@code config/follow-ups.yaml}: ordered entries, the first whose conditions all
 * match a lead names the template of the prospect's introduction and the campaign its emails carry;
 * the default entry takes the rest. Loading checks the whole file and fails with {@link
 * InvalidFollowUpsException} naming the file, line, entry and fix of every problem.
 *
 * @param rules in file order, which is the order they are tried in
 * @param fallback the {@code default} entry
 */
public record FollowUps(List<FollowUpRule> rules, FollowUpRule fallback) {
  /** Where the file sits in the repository and, by the same name, inside the function jar. */
  public static final String BUNDLED = "config/follow-ups.yaml";

  /**
   * The templates an entry may name: a plain introduction, one that hands over an asset (needs a
   * link), one that confirms an event (needs a date).
   */
  public static final List<String> TEMPLATES = List.of("intro", "intro-content", "intro-event");

  /** The follow-up of a lead that no file configures: the plain introduction, no campaign. */
  public static final FollowUps PLAIN =
      new FollowUps(List.of(), new FollowUpRule("default", List.of(), "intro", Optional.empty()));

  private static final ReadOnce<FollowUps> READ_BUNDLED =
      new ReadOnce<>() {
        @Override
        protected FollowUps read() {
          return fromClasspath();
        }
      };

  public FollowUps {
    rules = List.copyOf(rules);
  }

  /**
   * The follow-up chosen for one lead.
   *
   * @param why for the lead's history, e.g. {@code follow-up local-demo: formId demo-request}
   */
  public record Choice(String template, Optional<Campaign> campaign, String why) {}

  /** The follow-up for {@code lead}: the first matching entry's, else the default. */
  public Choice choose(Lead lead) {
    for (FollowUpRule rule : rules) {
      Optional<List<String>> matched = RuleCondition.matchAll(rule.when(), lead);
      if (matched.isPresent()) {
        return new Choice(
            rule.template(),
            rule.campaign(),
            "follow-up " + rule.id() + ": " + String.join(", ", matched.get()));
      }
    }
    return new Choice(fallback.template(), fallback.campaign(), "default follow-up");
  }

  /** The file shipped with the functions, read once per container; {@link #PLAIN} without one. */
  public static FollowUps bundled() {
    return READ_BUNDLED.get();
  }

  /** The follow-ups in {@code file}, for tests and checks of a changed file. */
  public static FollowUps load(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read follow-ups " + file, e);
    }
  }

  /**
   * The follow-ups written in {@code yaml}.
   *
   * @param file how to name the source in error messages
   */
  public static FollowUps parse(String file, String yaml) {
    return FollowUpsReader.read(file, yaml);
  }

  private static FollowUps fromClasspath() {
    try (InputStream in = FollowUps.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      return in == null
          ? PLAIN
          : parse(BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read follow-ups " + BUNDLED, e);
    }
  }
}
