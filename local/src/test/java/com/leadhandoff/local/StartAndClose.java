package com.leadhandoff.local;

import java.nio.file.Path;

/** Child-JVM program for {@link ProcessExitTest}: starts and closes a runtime, then returns. */
public final class StartAndClose {
  private StartAndClose() {}

  /** {@code args[0]}: the project folder. */
  public static void main(String[] args) {
    try (LocalRuntime runtime =
        LocalRuntime.builder().projectRoot(Path.of(args[0])).port(0).inMemory(true).start()) {
      System.out.println("started " + runtime.baseUrl());
    }
    System.out.println("closed");
  }
}
