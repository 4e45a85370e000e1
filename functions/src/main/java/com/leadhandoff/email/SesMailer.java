package com.leadhandoff.email;

import software.amazon.awssdk.services.sesv2.SesV2Client;
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
    Message message =
        Message.builder()
            .subject(utf8(email.subject()))
            .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build())
            .build();
    ses.sendEmail(
        r ->
            r.fromEmailAddress(sender)
                .destination(d -> d.toAddresses(email.to()))
                .content(EmailContent.builder().simple(message).build()));
  }

  private static Content utf8(String data) {
    return Content.builder().data(data).charset("UTF-8").build();
  }
}
