package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.engine.FileExecutionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExecutionStoreTest {
  private static final String EXECUTION = "arn:aws:states:us-east-1:000000000000:execution:";

  @TempDir Path dir;

  @Test
  void save_keepsOneFilePerExecutionInsideTheFolderWhateverItsName() throws IOException {
    FileExecutionStore store = FileExecutionStore.in(dir);

    store.save(EXECUTION + "Flow:..", json("{\"n\":1}"));
    store.save(EXECUTION + "Flow:a~b", json("{\"n\":2}"));
    store.save(EXECUTION + "Flow~a:b", json("{\"n\":3}"));
    store.save(EXECUTION + "Flow:a~b", json("{\"n\":4}"));

    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(3, files.count(), "a save replaces the execution's file; names never clash");
    }
    assertEquals(
        List.of(1, 3, 4), store.loadAll().stream().map(n -> n.path("n").asInt()).sorted().toList());
  }

  @Test
  void loadAll_dropsTempFilesLeftByAnInterruptedSave() throws IOException {
    FileExecutionStore store = FileExecutionStore.in(dir);
    store.save(EXECUTION + "Flow:lead-1", json("{\"n\":1}"));
    Path leftover = Files.writeString(dir.resolve("execution123.tmp"), "{\"n\":");

    assertEquals(1, store.loadAll().size());
    assertFalse(Files.exists(leftover));
  }

  @Test
  void loadAll_namesAnUnreadableFile() throws IOException {
    Files.writeString(dir.resolve("Flow~lead-1.json"), "{not json");

    UncheckedIOException error =
        assertThrows(UncheckedIOException.class, () -> FileExecutionStore.in(dir).loadAll());

    assertTrue(error.getMessage().contains("Flow~lead-1.json"), error.getMessage());
  }
}
