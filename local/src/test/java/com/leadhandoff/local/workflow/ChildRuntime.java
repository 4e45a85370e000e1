package com.leadhandoff.local.workflow;

import com.leadhandoff.local.Main;
import com.leadhandoff.local.Projects;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local runtime's {@link Main} in a JVM of its own on a data folder and a free port, as a user
 * runs it, so a test can kill it with SIGKILL and start it again; its output is collected.
 */
final class ChildRuntime {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final Pattern API = Pattern.compile("API\\s+(http://\\S+)");
  private static final Pattern DYNAMO = Pattern.compile("DynamoDB\\s+(http://\\S+)");

  final Process process;
  final URI baseUrl;
  final URI dynamoUrl;
  final StringBuffer output;

  private ChildRuntime(Process process, URI baseUrl, URI dynamoUrl, StringBuffer output) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.dynamoUrl = dynamoUrl;
    this.output = output;
  }

  /**
   * Starts it and waits until it serves.
   *
   * @param jvmOptions options for the child JVM
   * @param options runtime options beside {@code --project}, {@code --data-dir} and {@code --port}
   * @param startWithin how long it may take to print its URLs
   * @param eachLine sees every line it prints
   */
  static ChildRuntime start(
      Path data,
      List<String> jvmOptions,
      List<String> options,
      Duration startWithin,
      Consumer<String> eachLine)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(JAVA);
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--project",
            Projects.root().toString(),
            "--data-dir",
            data.toString(),
            "--port",
            "0"));
    command.addAll(options);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuffer output = new StringBuffer();
    CountDownLatch up = new CountDownLatch(1);
    String[] urls = new String[2];
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  output.append(line).append('\n');
                  eachLine.accept(line);
                  Matcher api = API.matcher(line);
                  if (urls[0] == null && api.find()) {
                    urls[0] = api.group(1);
                  }
                  Matcher dynamo = DYNAMO.matcher(line);
                  if (urls[1] == null && dynamo.find()) {
                    urls[1] = dynamo.group(1);
                  }
                  if (line.contains("Press Ctrl-C")) {
                    up.countDown();
                  }
                }
              } catch (IOException e) {
                // the process was killed
              }
              up.countDown();
            },
            "child-output");
    drain.setDaemon(true);
    drain.start();
    if (!up.await(startWithin.toMillis(), TimeUnit.MILLISECONDS)
        || urls[0] == null
        || urls[1] == null) {
      process.destroyForcibly();
      throw new AssertionError("the runtime did not start:\n" + output);
    }
    return new ChildRuntime(process, URI.create(urls[0]), URI.create(urls[1]), output);
  }
}
