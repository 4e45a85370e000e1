package com.leadhandoff.aws;

import com.leadhandoff.email.Mailer;
import com.leadhandoff.email.SesMailer;
import com.leadhandoff.settings.Settings;
import com.leadhandoff.store.DynamoUnsubscribes;
import com.leadhandoff.unsubscribe.UnsubscribeMailer;

/** The mailer every function sends with, built from its settings. */
public final class Mailers {
  private Mailers() {}

  /**
   * SES from {@code SENDER_ADDRESS}, through {@code EMAIL_CONFIGURATION_SET} when set (so bounces
   * and complaints are reported); with {@code UNSUBSCRIBES_TABLE} set (functions that write to
   * prospects), prospects' emails get their unsubscribe link and commercial ones are held back
   * after an unsubscribe.
   */
  public static Mailer from(Settings settings) {
    Mailer ses =
        new SesMailer(
            AwsClients.ses(),
            settings.require("SENDER_ADDRESS"),
            settings.get("EMAIL_CONFIGURATION_SET"));
    return settings
        .get("UNSUBSCRIBES_TABLE")
        .<Mailer>map(
            table ->
                new UnsubscribeMailer(
                    ses,
                    new DynamoUnsubscribes(AwsClients.dynamo(), table),
                    settings.require("PUBLIC_BASE_URL"),
                    settings.clock()))
        .orElse(ses);
  }
}
