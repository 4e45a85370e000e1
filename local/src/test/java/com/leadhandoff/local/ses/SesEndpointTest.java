package com.leadhandoff.local.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentTransferEncoding;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

class SesEndpointTest {
  private static final Instant NOW = Instant.parse("2025-03-04T09:15:00Z");

  @TempDir Path dataDir;
  private Outbox outbox;
  private HttpServer server;
  private SesV2Client ses;

  @BeforeEach
  void start() throws IOException {
    outbox = Outbox.persistedIn(dataDir);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // Mounted under a prefix, as the runtime may do, to show the endpoint does not assume "/".
    server.createContext("/_aws/ses", new SesEndpoint(outbox, Clock.fixed(NOW, ZoneOffset.UTC)));
    server.start();
    ses =
        SesV2Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .endpointOverride(
                URI.create("http://localhost:" + server.getAddress().getPort() + "/_aws/ses"))
            .build();
  }

  @AfterEach
  void stop() {
    ses.close();
    server.stop(0);
  }

  @Test
  void simpleEmail_landsInOutboxWithBothPartsAndItsLinks() {
    // GIVEN an offer email with an accept link in each part and a bare address in the text
    String html =
        "<p>Hello</p><a href=\"http://localhost:3000/offers/abc?x=1&amp;y=2\">Accept</a>"
            + "<a href='mailto:ops@example.com'>ops</a><a href=\"javascript:alert(1)\">no</a>";
    String text =
        "Accept: http://localhost:3000/offers/abc?x=1&y=2. See https://example.com/help).";

    // WHEN the function's SES client sends it
    String messageId =
        ses.sendEmail(
                r ->
                    r.fromEmailAddress("leads@example.com")
                        .destination(
                            d -> d.toAddresses("rep@example.com").ccAddresses("boss@example.com"))
                        .replyToAddresses("noreply@example.com")
                        .content(
                            c ->
                                c.simple(
                                    m ->
                                        m.subject(s -> s.data("New lead: Ada").charset("UTF-8"))
                                            .body(
                                                b ->
                                                    b.text(t -> t.data(text).charset("UTF-8"))
                                                        .html(h -> h.data(html))))))
            .messageId();

    // THEN the outbox holds it, with what the UI and tests need
    SentEmail sent = outbox.byMessageId(messageId).orElseThrow();
    assertEquals("leads@example.com", sent.from());
    assertEquals(List.of("rep@example.com"), sent.to());
    assertEquals(List.of("boss@example.com"), sent.cc());
    assertEquals(List.of("noreply@example.com"), sent.replyTo());
    assertEquals("New lead: Ada", sent.subject());
    assertEquals(text, sent.text());
    assertEquals(html, sent.html());
    assertEquals(NOW, sent.sentAt());
    assertEquals(
        List.of(
            "http://localhost:3000/offers/abc?x=1&y=2",
            "mailto:ops@example.com",
            "https://example.com/help"),
        sent.links());
  }

  @Test
  void outbox_survivesRestartFromDataDir() {
    // GIVEN an email sent into a persisted outbox
    String messageId = sendTextTo("prospect@example.com");

    // WHEN the runtime restarts and reads the same data directory
    Outbox reloaded = Outbox.persistedIn(dataDir);

    // THEN the email is still there, unchanged
    assertEquals(outbox.byMessageId(messageId), reloaded.byMessageId(messageId));
  }

  @Test
  void outbox_listsNewestFirst() {
    String first = sendTextTo("a@example.com");
    String second = sendTextTo("b@example.com");

    assertEquals(
        List.of(second, first), outbox.newestFirst().stream().map(SentEmail::messageId).toList());
  }

  @Test
  void missingFrom_isBadRequestAndNothingIsStored() {
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () -> ses.sendEmail(simple().toBuilder().fromEmailAddress(null).build()));

    assertEquals(400, e.statusCode());
    assertTrue(e.awsErrorDetails().errorMessage().contains("FromEmailAddress"));
    assertTrue(outbox.newestFirst().isEmpty());
  }

  @Test
  void missingDestination_isBadRequest() {
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () -> ses.sendEmail(simple().toBuilder().destination((d) -> {}).build()));

    assertTrue(e.awsErrorDetails().errorMessage().contains("Destination"));
    assertTrue(outbox.newestFirst().isEmpty());
  }

  @Test
  void malformedAddress_isBadRequest() {
    assertThrows(
        BadRequestException.class,
        () ->
            ses.sendEmail(
                simple().toBuilder().destination(d -> d.toAddresses("not-an-address")).build()));
  }

  @Test
  void templateMessage_isNotFoundSinceNoTemplatesAreStored() {
    assertThrows(
        NotFoundException.class,
        () ->
            ses.sendEmail(
                r ->
                    r.fromEmailAddress("leads@example.com")
                        .destination(d -> d.toAddresses("rep@example.com"))
                        .content(c -> c.template(t -> t.templateName("Welcome")))));
  }

  @Test
  void rawMessage_readsSubjectAndRecipientsFromHeaders() {
    String mime =
        "From: leads@example.com\r\nTo: rep@example.com\r\nSubject: Raw hello\r\n\r\n"
            + "Body with https://example.com/x\r\n";

    String messageId =
        ses.sendEmail(r -> r.content(c -> c.raw(m -> m.data(SdkBytes.fromUtf8String(mime)))))
            .messageId();

    SentEmail sent = outbox.byMessageId(messageId).orElseThrow();
    assertEquals("Raw hello", sent.subject());
    assertEquals(List.of("rep@example.com"), sent.to());
    assertEquals(List.of("https://example.com/x"), sent.links());
  }

  @Test
  void simpleEmailWithAnInlineImage_keepsItsBytesAndContentId_acrossARestart() {
    // GIVEN an HTML part showing cid:chart and the PNG attached INLINE under that id
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2, (byte) 0xff};
    Attachment chart =
        Attachment.builder()
            .fileName("chart.png")
            .contentType("image/png")
            .contentDisposition(AttachmentContentDisposition.INLINE)
            .contentId("chart")
            .contentTransferEncoding(AttachmentContentTransferEncoding.BASE64)
            .rawContent(SdkBytes.fromByteArray(png))
            .build();

    // WHEN the SDK sends it as Simple content with the attachment
    String messageId =
        ses.sendEmail(
                simple().toBuilder()
                    .content(
                        c ->
                            c.simple(
                                m ->
                                    m.subject(s -> s.data("Digest"))
                                        .body(
                                            b ->
                                                b.text(t -> t.data("Text part"))
                                                    .html(h -> h.data("<img src=\"cid:chart\">")))
                                        .attachments(chart)))
                    .build())
            .messageId();

    // THEN the outbox keeps the image's bytes and id, also when read back from its file
    SentAttachment kept =
        Outbox.persistedIn(dataDir).byMessageId(messageId).orElseThrow().attachments().get(0);
    assertEquals("chart.png", kept.fileName());
    assertEquals("image/png", kept.contentType());
    assertTrue(kept.inline());
    assertEquals("chart", kept.contentId());
    assertTrue(java.util.Arrays.equals(png, kept.data()));
  }

  @Test
  void attachmentWithoutFileName_isABadRequest_andNothingIsSent() {
    BadRequestException e =
        assertThrows(
            BadRequestException.class,
            () ->
                ses.sendEmail(
                    simple().toBuilder()
                        .content(
                            c ->
                                c.simple(
                                    m ->
                                        m.subject(s -> s.data("Hi"))
                                            .body(b -> b.text(t -> t.data("Hello")))
                                            .attachments(
                                                a -> a.rawContent(SdkBytes.fromUtf8String("x")))))
                        .build()));

    assertTrue(e.getMessage().contains("FileName is required"), e.getMessage());
    assertEquals(List.of(), outbox.newestFirst());
  }

  private String sendTextTo(String address) {
    return ses.sendEmail(simple().toBuilder().destination(d -> d.toAddresses(address)).build())
        .messageId();
  }

  private static SendEmailRequest simple() {
    return SendEmailRequest.builder()
        .fromEmailAddress("leads@example.com")
        .destination(d -> d.toAddresses("rep@example.com"))
        .content(
            c ->
                c.simple(m -> m.subject(s -> s.data("Hi")).body(b -> b.text(t -> t.data("Hello")))))
        .build();
  }

  @Test
  void simpleEmailHeaders_configurationSetAndTags_areKeptAcrossARestart() {
    // GIVEN a prospect's email with RFC 8058 headers, sent through a configuration set
    String messageId =
        ses.sendEmail(
                r ->
                    r.fromEmailAddress("leads@example.com")
                        .destination(d -> d.toAddresses("ada@example.com"))
                        .configurationSetName("lead-handoff")
                        .emailTags(t -> t.name("leadId").value("lead-1"))
                        .content(
                            c ->
                                c.simple(
                                    m ->
                                        m.subject(s -> s.data("Hi"))
                                            .body(b -> b.text(t -> t.data("x")))
                                            .headers(
                                                h ->
                                                    h.name("List-Unsubscribe")
                                                        .value("<https://u/1>"),
                                                h ->
                                                    h.name("List-Unsubscribe-Post")
                                                        .value("List-Unsubscribe=One-Click")))))
            .messageId();

    // WHEN the runtime restarts on the same data folder
    SentEmail sent = Outbox.persistedIn(dataDir).byMessageId(messageId).orElseThrow();

    // THEN the headers, configuration set and tags are all there
    assertEquals(java.util.Optional.of("<https://u/1>"), sent.header("list-unsubscribe"));
    assertEquals(
        java.util.Optional.of("List-Unsubscribe=One-Click"), sent.header("List-Unsubscribe-Post"));
    assertEquals("lead-handoff", sent.configurationSet());
    assertEquals(java.util.Map.of("leadId", "lead-1"), sent.tags());
  }

  @Test
  void headerWithoutValue_isRefusedAsSesRefusesIt() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            software.amazon.awssdk.services.sesv2.model.BadRequestException.class,
            () ->
                ses.sendEmail(
                    r ->
                        r.fromEmailAddress("leads@example.com")
                            .destination(d -> d.toAddresses("ada@example.com"))
                            .content(
                                c ->
                                    c.simple(
                                        m ->
                                            m.subject(s -> s.data("Hi"))
                                                .body(b -> b.text(t -> t.data("x")))
                                                .headers(h -> h.name("X-Empty").value(""))))));
    assertTrue(e.getMessage().contains("Headers"), e.getMessage());
  }
}
