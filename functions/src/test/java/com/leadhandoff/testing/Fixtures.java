package com.leadhandoff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Reads the event fixtures in the repository's {@code events/} folder. */
public final class Fixtures {
  private Fixtures() {}

  /** The text of {@code events/NAME}. */
  public static String event(String name) {
    try {
      return Files.readString(TestDynamo.projectRoot().resolve("events").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
