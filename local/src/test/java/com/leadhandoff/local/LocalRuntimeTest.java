package com.leadhandoff.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.local.dynamo.Tables;
import com.leadhandoff.local.lambda.Invocation;
import com.leadhandoff.local.template.TemplateException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LocalRuntimeTest {
  private static LocalRuntime.Builder echo() {
    return LocalRuntime.builder()
        .projectRoot(Projects.echo())
        .port(0)
        .out(new PrintStream(new ByteArrayOutputStream()));
  }

  @Test
  void start_createsTablesRunsCustomResourcesAndPointsDefaultSdkClientsHere() {
    try (LocalRuntime runtime = echo().inMemory(true).start()) {
      // a plain default client finds the local engine through the SDK's system properties
      try (DynamoDbClient plain =
          DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
        assertTrue(plain.listTables().tableNames().contains("NotesTable"));
        // the custom resource's function wrote its item with such a client
        assertEquals(
            "seeded",
            plain
                .getItem(
                    r ->
                        r.tableName("NotesTable")
                            .key(Map.of("noteId", AttributeValue.fromS("seeded"))))
                .item()
                .get("noteId")
                .s());
      }
      assertEquals(
          runtime.baseUrl().toString(),
          runtime
              .services()
              .template()
              .function("EchoFunction")
              .orElseThrow()
              .environment()
              .get("BASE_URL"));
    }
  }

  @Test
  void functions_invokedByArn_reportHandlerErrorsAsLambdaDoes() {
    try (LocalRuntime runtime = echo().inMemory(true).start()) {
      Invocation result =
          runtime
              .services()
              .functions()
              .invoke(
                  "arn:aws:lambda:us-east-1:000000000000:function:FailingFunction",
                  new ObjectMapper().createObjectNode());

      Invocation.Failure failure = (Invocation.Failure) result;
      assertEquals("java.lang.IllegalStateException", failure.errorType());
      assertEquals("boom", failure.errorMessage());
    }
  }

  @Test
  void customResourceReportingFailed_stopsStartupNamingIt() {
    TemplateException error =
        assertThrows(
            TemplateException.class,
            () -> echo().inMemory(true).parameter("SeedOutcome", "FAILED").start());

    assertTrue(error.getMessage().contains("Seed"), error.getMessage());
    assertTrue(error.getMessage().contains("FAILED"), error.getMessage());
  }

  @Test
  void dataDir_keepsItemsAndCreatesCustomResourcesOnlyOnce(@TempDir Path data) {
    try (LocalRuntime first = echo().dataDir(data).start()) {
      try (DynamoDbClient client = Tables.client(first.services().dynamoEndpoint())) {
        client.putItem(
            r -> r.tableName("NotesTable").item(Map.of("noteId", AttributeValue.fromS("kept"))));
      }
    }
    assertTrue(Files.exists(data.resolve("stack-created")));

    // a failing seed would stop a fresh stack; this one is not fresh, so the seed does not run
    try (LocalRuntime second = echo().dataDir(data).parameter("SeedOutcome", "FAILED").start();
        DynamoDbClient client = Tables.client(second.services().dynamoEndpoint())) {
      assertTrue(
          client
              .getItem(
                  r ->
                      r.tableName("NotesTable").key(Map.of("noteId", AttributeValue.fromS("kept"))))
              .hasItem());
    }
  }

  @Test
  void definitionUsingUnsupportedConstruct_isRefusedAtStartNamingStateAndConstruct(
      @TempDir Path project) throws Exception {
    String template = Files.readString(Projects.echo().resolve("template.yaml"));
    Files.writeString(
        project.resolve("template.yaml"),
        template.replace(
            "            End: true", "            End: true\n            QueryLanguage: JSONata"));

    TemplateException error =
        assertThrows(
            TemplateException.class, () -> echo().projectRoot(project).inMemory(true).start());

    assertTrue(error.getMessage().contains("Echo"), error.getMessage());
    assertTrue(error.getMessage().contains("JSONata"), error.getMessage());
  }

  @Test
  void expressStateMachine_isRefusedAtStart(@TempDir Path project) throws Exception {
    String template = Files.readString(Projects.echo().resolve("template.yaml"));
    Files.writeString(
        project.resolve("template.yaml"),
        template.replace("      Name: echo-flow", "      Name: echo-flow\n      Type: EXPRESS"));

    TemplateException error =
        assertThrows(
            TemplateException.class, () -> echo().projectRoot(project).inMemory(true).start());

    assertTrue(error.getMessage().contains("EXPRESS"), error.getMessage());
  }
}
