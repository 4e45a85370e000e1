package com.leadhandoff.email;

import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentTransferEncoding;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;

/**
 * Sends through SES v2 {@code SendEmail}, from the configured sender address, through the
 * configuration set (when one is given) whose event destination reports bounces and complaints.
 */
public final class SesMailer implements Mailer {
  /** The message tag naming the lead of an email to a prospect. */
  public static final String LEAD_ID_TAG = "leadId";

  private final SesV2Client ses;
  private final String sender;
  private final Optional<String> configurationSet;

  public SesMailer(SesV2Client ses, String sender) {
    this(ses, sender, Optional.empty());
  }

  /**
   * @param configurationSet the SES configuration set every send names, if any
   */
  public SesMailer(SesV2Client ses, String sender, Optional<String> configurationSet) {
    this.ses = ses;
    this.sender = sender;
    this.configurationSet = configurationSet.filter(s -> !s.isBlank());
  }

  @Override
  public void send(Email email) {
    // Simple content: SES builds the MIME message itself, with inline images as attachments
    // (disposition INLINE, a ContentId the HTML refers to as cid:…; SES Developer Guide, "Working
    // with email attachments in SES") and custom header fields such as List-Unsubscribe
    // (Message.Headers, SES v2 since 2024), so no Raw message is written here.
    if (email.html().contains(EmailTemplates.UNSUBSCRIBE_PLACEHOLDER)) {
      // Only UnsubscribeMailer (Mailers.from) puts a working link in a prospect's email.
      throw new IllegalStateException(
          "A prospect's email reached SES without its unsubscribe link: the function needs the"
              + " UNSUBSCRIBES_TABLE setting");
    }
    Message.Builder message =
        Message.builder()
            .subject(utf8(email.subject()))
            .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build());
    if (!email.images().isEmpty()) {
      // Only when there are some: every other email goes out exactly as before.
      message.attachments(email.images().stream().map(SesMailer::attachment).toList());
    }
    if (!email.headers().isEmpty()) {
      message.headers(
          email.headers().stream()
              .map(h -> MessageHeader.builder().name(h.name()).value(h.value()).build())
              .toList());
    }
    ses.sendEmail(
        r -> {
          r.fromEmailAddress(sender)
              .destination(d -> d.toAddresses(email.to()))
              .content(EmailContent.builder().simple(message.build()).build());
          if (!email.replyTo().isEmpty()) {
            r.replyToAddresses(email.replyTo());
          }
          configurationSet.ifPresent(r::configurationSetName);
          // Bounce and complaint events carry the message's tags (mail.tags), so the handler
          // of those events knows which lead a prospect's address belongs to. Lead ids are
          // UUIDs: letters, digits and dashes, all allowed in a tag value.
          email
              .prospect()
              .ifPresent(
                  p ->
                      r.emailTags(
                          MessageTag.builder().name(LEAD_ID_TAG).value(p.leadId()).build()));
        });
  }

  private static Attachment attachment(InlineImage image) {
    return Attachment.builder()
        .fileName(image.fileName())
        .contentType(image.contentType())
        .contentId(image.contentId())
        .contentDisposition(AttachmentContentDisposition.INLINE)
        .contentTransferEncoding(AttachmentContentTransferEncoding.BASE64)
        .rawContent(SdkBytes.fromByteArray(image.data()))
        .build();
  }

  private static Content utf8(String data) {
    return Content.builder().data(data).charset("UTF-8").build();
  }
}
