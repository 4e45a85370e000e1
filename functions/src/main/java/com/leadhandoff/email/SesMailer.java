package com.leadhandoff.email;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentDisposition;
import software.amazon.awssdk.services.sesv2.model.AttachmentContentTransferEncoding;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;

/** Sends through SES v2 {@code SendEmail}, from the configured sender address. */
public final class SesMailer implements Mailer {
  private final SesV2Client ses;
  private final String sender;

  public SesMailer(SesV2Client ses, String sender) {
    this.ses = ses;
    this.sender = sender;
  }

  @Override
  public void send(Email email) {
    // Inline images go as Simple-content attachments with disposition INLINE and a ContentId the
    // HTML refers to as cid:…; SES builds the multipart/related MIME message itself (SES Developer
    // Guide, "Working with email attachments in SES"), so no raw MIME is written here.
    Message.Builder message =
        Message.builder()
            .subject(utf8(email.subject()))
            .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build());
    if (!email.images().isEmpty()) {
      // Only when there are some: every other email goes out exactly as before.
      message.attachments(email.images().stream().map(SesMailer::attachment).toList());
    }
    ses.sendEmail(
        r ->
            r.fromEmailAddress(sender)
                .destination(d -> d.toAddresses(email.to()))
                .content(EmailContent.builder().simple(message.build()).build()));
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
