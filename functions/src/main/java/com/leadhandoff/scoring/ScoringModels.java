package com.leadhandoff.scoring;

import com.leadhandoff.config.ReadOnce;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads scoring models. Functions use {@link #bundled()}, the file that ships in their jar; tests
 * and dry runs load any file with {@link #load(Path)}. An invalid file fails with {@link
 * InvalidScoringModelException} naming the file, line, rule and fix of every problem.
 */
public final class ScoringModels {
  /** Where the model revenue ops maintain sits, in the repository and on the classpath. */
  public static final String BUNDLED = "config/scoring-model.yaml";

  private static final ReadOnce<ScoringModel> READ_BUNDLED =
      new ReadOnce<>() {
        @Override
        protected ScoringModel read() {
          return fromClasspath(BUNDLED);
        }
      };

  private ScoringModels() {}

  /** The model shipped with the functions, read once per container. */
  public static ScoringModel bundled() {
    return READ_BUNDLED.get();
  }

  /** The model in {@code file}, for tests and dry runs of a changed model. */
  public static ScoringModel load(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read scoring model " + file, e);
    }
  }

  /**
   * The model written in {@code yaml}.
   *
   * @param file how to name the model's source in error messages
   */
  public static ScoringModel parse(String file, String yaml) {
    return ModelReader.read(file, yaml);
  }

  private static ScoringModel fromClasspath(String resource) {
    try (InputStream in = ScoringModels.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Scoring model " + resource + " is not on the classpath; the build copies config/");
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read scoring model " + resource, e);
    }
  }
}
