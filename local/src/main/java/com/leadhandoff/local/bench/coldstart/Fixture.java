package com.leadhandoff.local.bench.coldstart;

import java.nio.file.Path;

/** The event of each run of a {@link ColdCase}: one file for all, or one prepared for each run. */
@FunctionalInterface
interface Fixture {
  /** The event file of the next run; prepares what it stands for first, when it must. */
  Path next();

  /** The same file for every run. */
  static Fixture of(Path file) {
    return () -> file;
  }
}
