package com.leadhandoff.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Loads SLA policies. Functions use {@link #bundled}, the file that ships in their jar; tests and
 * dry runs load any file. An invalid file fails with {@link InvalidSlaPolicyException} naming the
 * file, line, entry and fix of every problem.
 */
public final class SlaPolicies {
  /** Where the policy sits, in the repository and on the classpath. */
  public static final String BUNDLED = "config/sla-policy.yaml";

  private SlaPolicies() {}

  /**
   * The policy shipped with the functions, or empty when the install ships none (offers then last
   * {@code OFFER_MINUTES} around the clock).
   *
   * @param teamIds the teams of the directory file; each needs a calendar, and only they may have
   *     one
   */
  public static Optional<SlaPolicy> bundled(Set<String> teamIds) {
    try (InputStream in = SlaPolicies.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(
          parse(BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8), teamIds));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read SLA policy " + BUNDLED, e);
    }
  }

  /** The policy in {@code file}, for tests and dry runs of a changed policy. */
  public static SlaPolicy load(Path file, Set<String> teamIds) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), teamIds);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read SLA policy " + file, e);
    }
  }

  /**
   * The policy written in {@code yaml}.
   *
   * @param file how to name the policy's source in error messages
   * @param teamIds the directory's teams; empty skips the check of calendar names
   */
  public static SlaPolicy parse(String file, String yaml, Set<String> teamIds) {
    return SlaPolicyReader.read(file, yaml, teamIds);
  }
}
