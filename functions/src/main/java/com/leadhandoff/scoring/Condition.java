package com.leadhandoff.scoring;

import com.leadhandoff.lead.Submission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** What a scoring rule tests: one form field against one kind of test. */
public sealed interface Condition {
  /** The field tested. */
  Field field();

  /** Whether the submission meets the condition; an empty field never does. */
  boolean test(Submission submission);

  /** The field equals one of {@code values}, ignoring case. */
  record OneOf(Field field, List<String> values) implements Condition {
    public OneOf {
      values = values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public boolean test(Submission submission) {
      return field.texts(submission).stream()
          .anyMatch(v -> values.contains(v.toLowerCase(Locale.ROOT)));
    }
  }

  /** The whole field matches one of {@code patterns}, where {@code *} is any text; ignores case. */
  record Matches(Field field, List<String> patterns) implements Condition {
    public Matches {
      patterns = List.copyOf(patterns);
    }

    @Override
    public boolean test(Submission submission) {
      List<Pattern> compiled =
          patterns.stream().map(p -> Compiled.GLOBS.computeIfAbsent(p, Matches::glob)).toList();
      return field.texts(submission).stream()
          .anyMatch(v -> compiled.stream().anyMatch(p -> p.matcher(v).matches()));
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

  /**
   * The field contains one of {@code words} (or phrases) as whole words, ignoring case: {@code VP}
   * matches "VP Sales" but not "SVP" or "MVP".
   */
  record Words(Field field, List<String> words) implements Condition {
    public Words {
      words = List.copyOf(words);
    }

    @Override
    public boolean test(Submission submission) {
      List<Pattern> compiled =
          words.stream().map(w -> Compiled.WORDS.computeIfAbsent(w, Words::word)).toList();
      return field.texts(submission).stream()
          .anyMatch(v -> compiled.stream().anyMatch(p -> p.matcher(v).find()));
    }

    private static Pattern word(String word) {
      String edge = "[\\p{L}\\p{N}]";
      return Pattern.compile(
          "(?<!" + edge + ")" + Pattern.quote(word.strip()) + "(?!" + edge + ")",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
  }

  /** The numeric field lies within {@code min}..{@code max}, both included, either open. */
  record Range(Field field, Optional<Integer> min, Optional<Integer> max) implements Condition {
    @Override
    public boolean test(Submission submission) {
      return field
          .number(submission)
          .filter(n -> min.map(m -> n >= m).orElse(true) && max.map(m -> n <= m).orElse(true))
          .isPresent();
    }
  }

  /**
   * Patterns compiled from the rules' globs and words, by their text: a lead is scored against the
   * same rules again and again, and compiling each pattern per lead cost about 1 % of the local
   * runtime's CPU. The texts come from rules (deployed, or an admin's dry run), never from a lead,
   * so the maps stay as small as the rules are.
   */
  final class Compiled {
    static final Map<String, Pattern> GLOBS = new ConcurrentHashMap<>();
    static final Map<String, Pattern> WORDS = new ConcurrentHashMap<>();

    private Compiled() {}
  }
}
