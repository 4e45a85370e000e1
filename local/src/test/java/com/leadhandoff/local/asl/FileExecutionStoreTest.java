package com.leadhandoff.local.asl;

import static com.leadhandoff.local.asl.EngineFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.asl.engine.ExecutionStore;
import com.leadhandoff.local.asl.engine.FileExecutionStore;
import java.io.IOException;
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
        List.of(1, 3, 4),
        store.loadAll().snapshots().stream().map(n -> n.path("n").asInt()).sorted().toList());
  }

  @Test
  void loadAll_dropsTempFilesLeftByAnInterruptedSave() throws IOException {
    FileExecutionStore store = FileExecutionStore.in(dir);
    store.save(EXECUTION + "Flow:lead-1", json("{\"n\":1}"));
    Path leftover = Files.writeString(dir.resolve("execution123.tmp"), "{\"n\":");

    assertEquals(1, store.loadAll().snapshots().size());
    assertFalse(Files.exists(leftover));
  }

  @Test
  void loadAll_setsAsideAnUnreadableFileAndReadsTheOthers() throws IOException {
    // GIVEN a snapshot cut short mid-record (a machine crash) beside a whole one
    FileExecutionStore store = FileExecutionStore.in(dir);
    store.save(EXECUTION + "Flow:lead-2", json("{\"n\":2}"));
    Files.writeString(dir.resolve("Flow~lead-1.json"), "{\"n\":1,\"history\":[{\"id\"");

    // WHEN the store is loaded
    ExecutionStore.Loaded loaded = store.loadAll();

    // THEN the whole one is read, the torn one is named and moved aside, not lost or overwritten
    assertEquals(List.of(2), loaded.snapshots().stream().map(n -> n.path("n").asInt()).toList());
    assertEquals(1, loaded.setAside().size());
    assertTrue(loaded.setAside().get(0).contains("Flow~lead-1.json"), loaded.setAside().get(0));
    assertFalse(Files.exists(dir.resolve("Flow~lead-1.json")));
    assertTrue(Files.exists(dir.resolve("Flow~lead-1.json.unreadable")));
    assertEquals(1, FileExecutionStore.in(dir).loadAll().snapshots().size());
  }
}
