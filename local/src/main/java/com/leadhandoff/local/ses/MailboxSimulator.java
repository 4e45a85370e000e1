package com.leadhandoff.local.ses;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SES mailbox simulator: mail to {@code bounce@simulator.amazonses.com} hard-bounces, to {@code
 * complaint@simulator.amazonses.com} draws a complaint; a {@code +label} before the {@code @} (e.g.
 * {@code bounce+ben@…}) tells several simulated addresses apart, as SES allows. As on SES, events
 * are published only for a send that named a configuration set, as the EventBridge event SES's
 * event publishing puts on the default bus ({@code Email Bounced}, {@code Email Complaint
 * Received}, source {@code aws.ses}), with the message's tags and SES's own {@code
 * ses:configuration-set} tag under {@code detail.mail.tags}.
 */
public final class MailboxSimulator {
  private static final Pattern SIMULATED =
      Pattern.compile("(bounce|complaint)(\\+[^@]*)?@simulator\\.amazonses\\.com");

  private final String account;
  private final String region;

  public MailboxSimulator(String account, String region) {
    this.account = account;
    this.region = region;
  }

  /** The events SES would publish for {@code email}; none without a configuration set. */
  public List<ObjectNode> events(SentEmail email) {
    List<ObjectNode> events = new ArrayList<>();
    if (email.configurationSet().isBlank()) {
      return events;
    }
    for (String address : allRecipients(email)) {
      Matcher m = SIMULATED.matcher(bare(address).toLowerCase(Locale.ROOT));
      if (m.matches()) {
        events.add(event(email, bare(address), m.group(1).equals("bounce")));
      }
    }
    return events;
  }

  private ObjectNode event(SentEmail email, String address, boolean bounce) {
    String time = email.sentAt().toString();
    ObjectNode envelope = Json.MAPPER.createObjectNode();
    envelope.put("version", "0");
    envelope.put("id", UUID.randomUUID().toString());
    envelope.put("detail-type", bounce ? "Email Bounced" : "Email Complaint Received");
    envelope.put("source", "aws.ses");
    envelope.put("account", account);
    envelope.put("time", time);
    envelope.put("region", region);
    envelope.putArray("resources");
    ObjectNode detail = envelope.putObject("detail");
    detail.put("eventType", bounce ? "Bounce" : "Complaint");
    if (bounce) {
      ObjectNode b = detail.putObject("bounce");
      b.put("bounceType", "Permanent");
      b.put("bounceSubType", "General");
      b.put("timestamp", time);
      b.put("feedbackId", UUID.randomUUID().toString());
      b.putArray("bouncedRecipients")
          .addObject()
          .put("emailAddress", address)
          .put("action", "failed")
          .put("status", "5.1.1")
          .put("diagnosticCode", "smtp; 550 5.1.1 user unknown");
    } else {
      ObjectNode c = detail.putObject("complaint");
      c.put("complaintFeedbackType", "abuse");
      c.put("timestamp", time);
      c.put("feedbackId", UUID.randomUUID().toString());
      c.putArray("complainedRecipients").addObject().put("emailAddress", address);
    }
    ObjectNode mail = detail.putObject("mail");
    mail.put("timestamp", time);
    mail.put("source", email.from());
    mail.put("sendingAccountId", account);
    mail.put("messageId", email.messageId());
    ArrayNode destination = mail.putArray("destination");
    allRecipients(email).forEach(destination::add);
    ObjectNode tags = mail.putObject("tags");
    tags.putArray("ses:configuration-set").add(email.configurationSet());
    email.tags().forEach((name, value) -> tags.putArray(name).add(value));
    return envelope;
  }

  private static List<String> allRecipients(SentEmail email) {
    List<String> all = new ArrayList<>(email.to());
    all.addAll(email.cc());
    all.addAll(email.bcc());
    return all;
  }

  // "Name <address>" → address.
  private static String bare(String address) {
    int open = address.indexOf('<');
    int close = address.indexOf('>');
    return open >= 0 && close > open ? address.substring(open + 1, close).strip() : address.strip();
  }
}
