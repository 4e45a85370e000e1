package com.leadhandoff.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.json.Json;
import com.leadhandoff.local.api.SignedRequests;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reps changed through the admin API are still changed after the local runtime restarts on the same
 * data folder: the directory seed runs once per data folder and never overwrites a stored rep. The
 * real product runs in child JVMs, as {@code java -jar} would, since its functions build their SDK
 * clients once per JVM.
 */
class AdminEditsSurviveRestartTest {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path data;

  /** A started product and its API URL. */
  private record Running(Process process, URI api) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.destroy(); // SIGTERM: the shutdown hook closes the runtime, as Ctrl-C does
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private Running start() throws IOException {
    Process child =
        new ProcessBuilder(
                List.of(
                    JAVA,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "--project",
                    Projects.root().toString(),
                    "--data-dir",
                    data.toString(),
                    "--port",
                    "0"))
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    URI api = null;
    String line;
    while ((line = out.readLine()) != null && !line.contains("Press Ctrl-C")) {
      seen.append(line).append('\n');
      if (line.trim().startsWith("API ")) {
        api = URI.create(line.trim().substring(4).trim());
      }
    }
    if (line == null || api == null) {
      child.destroyForcibly();
      throw new AssertionError("the local runtime did not start:\n" + seen);
    }
    // Keep reading, so a chatty child never blocks on a full pipe.
    Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
    drain.setDaemon(true);
    drain.start();
    return new Running(child, api);
  }

  private JsonNode call(URI api, String method, String path, String body, int status)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            SignedRequests.sign(method, api.resolve(path), body),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(status, response.statusCode(), response.body());
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void restartOnTheSameDataFolder_keepsRepsChangedThroughTheApi() throws Exception {
    // GIVEN the product seeded from config/ on its first start, where revops pause ben-okafor
    // and re-weigh ana-ruiz through the admin API
    try (Running first = start()) {
      assertEquals(
          false,
          call(first.api(), "GET", "/admin/reps/ben-okafor", "", 200)
              .at("/rep/paused")
              .asBoolean());
      call(first.api(), "POST", "/admin/reps/ben-okafor/pause", "", 200);
      call(
          first.api(),
          "PUT",
          "/admin/reps/ana-ruiz",
          "{\"name\": \"Ana Ruiz\", \"email\": \"ana.ruiz@sales.example.com\","
              + " \"team\": \"inbound-sales\", \"weight\": 4}",
          200);
    }

    // WHEN it starts again on the same data folder
    try (Running second = start()) {
      // THEN the changes are still there, with who made them
      JsonNode ben = call(second.api(), "GET", "/admin/reps/ben-okafor", "", 200);
      assertEquals("paused", ben.at("/rep/status").asText());
      assertEquals("paused", ben.at("/changes/0/what").asText());
      assertEquals("arn:aws:iam::000000000000:user/local", ben.at("/changes/0/by").asText());
      JsonNode ana = call(second.api(), "GET", "/admin/reps/ana-ruiz", "", 200);
      assertEquals(4, ana.at("/rep/weight").asInt());
      assertTrue(ana.at("/rep/workingHours").isEmpty(), "the PUT replaced every field");
    }
  }
}
