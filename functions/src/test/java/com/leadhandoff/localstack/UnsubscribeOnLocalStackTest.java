package com.leadhandoff.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.leadhandoff.email.Email;
import com.leadhandoff.email.EmailTemplates;
import com.leadhandoff.email.SesMailer;
import com.leadhandoff.store.DynamoLeadHistory;
import com.leadhandoff.store.DynamoUnsubscribes;
import com.leadhandoff.testing.RecordingMailer;
import com.leadhandoff.testing.TestDynamo;
import com.leadhandoff.unsubscribe.Unsubscribe;
import com.leadhandoff.unsubscribe.UnsubscribeHandler;
import com.leadhandoff.unsubscribe.UnsubscribeMailer;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The unsubscribe handler and mailer against LocalStack's DynamoDB (the template's tables) and SES
 * v2, with the real SDK clients: what the in-JVM engine and local SES endpoint check, once more on
 * the emulator the deploy docs point at. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class UnsubscribeOnLocalStackTest {
  @Container static final LocalStackContainer LOCALSTACK = LocalStackSupport.container();

  @Test
  void sesAcceptsTheOneClickHeaders_andThePostUnsubscribesInDynamoDb() {
    // GIVEN the template's tables and a verified sender on LocalStack
    DynamoDbClient dynamo = LocalStackSupport.dynamo(LOCALSTACK);
    SesV2Client ses = LocalStackSupport.ses(LOCALSTACK);
    ses.createEmailIdentity(r -> r.emailIdentity("leads@example.com"));
    Map<String, String> tables = TestDynamo.tablesOn(dynamo);
    DynamoUnsubscribes store = new DynamoUnsubscribes(dynamo, tables.get("UnsubscribesTable"));
    RecordingMailer copy = new RecordingMailer();
    SesMailer sesMailer = new SesMailer(ses, "leads@example.com", Optional.empty());
    UnsubscribeMailer mailer =
        new UnsubscribeMailer(
            email -> {
              sesMailer.send(email);
              copy.send(email);
            },
            store,
            "https://leads.example.com",
            Clock.systemUTC());

    // WHEN an introduction goes out through SES and its link is posted
    assertTrue(
        mailer.deliver(
            EmailTemplates.renderToProspect(
                "intro",
                "ada@analytical.example",
                Map.of("lead", Map.of("greetingName", "Ada"), "rep", Map.of("name", "Ben")),
                "lead-1",
                Email.Kind.COMMERCIAL)));
    String link =
        copy.sent().get(0).headers().stream()
            .filter(h -> h.name().equals("List-Unsubscribe"))
            .findFirst()
            .orElseThrow()
            .value();
    String token = link.substring(link.lastIndexOf('/') + 1, link.length() - 1);
    UnsubscribeHandler handler =
        new UnsubscribeHandler(
            new Unsubscribe(
                store,
                new DynamoLeadHistory(dynamo, tables.get("HistoryTable")),
                Clock.systemUTC()));
    APIGatewayV2HTTPEvent post = new APIGatewayV2HTTPEvent();
    post.setPathParameters(Map.of("token", token));
    post.setRequestContext(
        APIGatewayV2HTTPEvent.RequestContext.builder()
            .withHttp(
                APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build())
            .build());

    // THEN the address is unsubscribed and the next sales email is held back
    assertEquals(200, handler.handleRequest(post, null).getStatusCode());
    assertTrue(store.isUnsubscribed("ada@analytical.example"));
    assertFalse(
        mailer.deliver(
            EmailTemplates.renderToProspect(
                "intro",
                "ada@analytical.example",
                Map.of("lead", Map.of("greetingName", "Ada"), "rep", Map.of("name", "Ben")),
                "lead-1",
                Email.Kind.COMMERCIAL)));
  }
}
