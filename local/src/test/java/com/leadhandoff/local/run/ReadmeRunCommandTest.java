package com.leadhandoff.local.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.Projects;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's {@code run} command, run as written, prints what the README shows. */
class ReadmeRunCommandTest {
  private static final String COMMAND = "java -jar local/target/lead-handoff-local.jar run ";
  private static final Pattern ARG = Pattern.compile("'([^']*)'|(\\S+)");

  @Test
  void readmeRunExample_printsTheOutputTheReadmeShows() throws Exception {
    // GIVEN the README's command and the output block after it
    String readme = Files.readString(Projects.root().resolve("README.md"));
    int at = readme.indexOf("\n" + COMMAND);
    assertTrue(at >= 0, "the README has no run command");
    String commandLine = readme.substring(at + 1, readme.indexOf('\n', at + 1));
    int shownStart = readme.indexOf("```\n", readme.indexOf("```", at) + 3) + 4;
    String shown = readme.substring(shownStart, readme.indexOf("```", shownStart));

    // WHEN it runs from the repository root (quotes as the shell reads them)
    List<String> args = new ArrayList<>();
    Matcher m = ARG.matcher(commandLine.substring(COMMAND.length()));
    while (m.find()) {
      args.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    args.set(0, Projects.root().resolve(args.get(0)).toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        RunCommand.execute(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    // THEN it succeeded and printed exactly what the README shows
    assertEquals(RunCommand.SUCCEEDED, status, out.toString(StandardCharsets.UTF_8));
    assertEquals(shown, out.toString(StandardCharsets.UTF_8));
  }
}
