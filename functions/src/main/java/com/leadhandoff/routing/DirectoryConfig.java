package com.leadhandoff.routing;

import com.leadhandoff.config.ReadOnce;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The teams and reps of {@code config/directory.yaml}, validated: ids unique, every rep in a
 * defined team, exactly one default team, every email address well formed.
 *
 * @param fallbackQueue who owns a lead no rep could be offered at all; empty when the file names
 *     none (the install's fallback manager address is alerted then)
 */
public record DirectoryConfig(
    List<Team> teams, List<Rep> reps, Optional<FallbackQueue> fallbackQueue) {
  /** Where the file sits in the repository and, by the same name, inside the function jar. */
  public static final String RESOURCE = "config/directory.yaml";

  private static final ReadOnce<DirectoryConfig> READ_BUNDLED =
      new ReadOnce<>() {
        @Override
        protected DirectoryConfig read() {
          return fromJar();
        }
      };

  public DirectoryConfig {
    teams = List.copyOf(teams);
    reps = List.copyOf(reps);
  }

  /** A directory without a fallback queue. */
  public DirectoryConfig(List<Team> teams, List<Rep> reps) {
    this(teams, reps, Optional.empty());
  }

  /**
   * The queue of {@code fallbackQueue:}: owns a lead no rep was eligible for, before any offer.
   *
   * @param name how the queue is named in the lead's owner and the alert, e.g. {@code Unassigned
   *     leads}
   * @param email who is alerted when a lead lands in the queue
   */
  public record FallbackQueue(String name, String email) {}

  /**
   * The file shipped in the function jar, read once per container: Take In Lead's steps, the
   * routing rules and the accounts each ask for it at init.
   */
  public static DirectoryConfig bundled() {
    return READ_BUNDLED.get();
  }

  private static DirectoryConfig fromJar() {
    InputStream in = DirectoryConfig.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new DirectoryConfigException(
          RESOURCE,
          List.of(
              "the file is missing from the function jar; keep it at the repository root"
                  + " (functions/pom.xml copies config/ into the jar) and rebuild"));
    }
    try (in) {
      return DirectoryConfigReader.read(RESOURCE, in);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + RESOURCE + " from the function jar", e);
    }
  }

  /** A directory file on disk. */
  public static DirectoryConfig load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return DirectoryConfigReader.read(file.toString(), in);
    } catch (IOException e) {
      throw new DirectoryConfigException(
          file.toString(),
          List.of("the file cannot be read (" + e + "); check the path and its permissions"));
    }
  }

  /** The team marked {@code default: true}; validation guarantees there is exactly one. */
  public Team defaultTeam() {
    return teams.stream().filter(Team::isDefault).findFirst().orElseThrow();
  }
}
