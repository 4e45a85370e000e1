package com.leadhandoff.deliverability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bounce or complaint as SES's event publishing reports it through EventBridge (source {@code
 * aws.ses}, detail-type {@code Email Bounced} or {@code Email Complaint Received}; the detail is
 * the SES event record: {@code eventType}, {@code mail}, and {@code bounce} or {@code complaint}).
 *
 * @param kind what happened
 * @param recipients the addresses that bounced or complained
 * @param leadId the lead an email to a prospect was about (its {@code leadId} message tag)
 * @param reason e.g. {@code Permanent/General}, or the complaint's feedback type
 */
public record EmailFeedback(
    Kind kind, List<String> recipients, Optional<String> leadId, String reason) {

  /** Bounce or complaint. */
  public enum Kind {
    BOUNCE,
    COMPLAINT
  }

  /**
   * Reads the EventBridge event.
   *
   * @throws IllegalArgumentException when it is not an SES bounce or complaint event
   */
  public static EmailFeedback from(JsonNode event, String leadIdTag) {
    JsonNode detail = event.path("detail");
    String type = detail.path("eventType").asText("");
    Optional<String> leadId =
        Optional.of(detail.path("mail").path("tags").path(leadIdTag).path(0).asText(""))
            .filter(s -> !s.isBlank());
    if (type.equals("Bounce")) {
      JsonNode bounce = detail.path("bounce");
      return new EmailFeedback(
          Kind.BOUNCE,
          addresses(bounce.path("bouncedRecipients")),
          leadId,
          bounce.path("bounceType").asText("") + "/" + bounce.path("bounceSubType").asText(""));
    }
    if (type.equals("Complaint")) {
      JsonNode complaint = detail.path("complaint");
      return new EmailFeedback(
          Kind.COMPLAINT,
          addresses(complaint.path("complainedRecipients")),
          leadId,
          complaint.path("complaintFeedbackType").asText("complaint"));
    }
    throw new IllegalArgumentException(
        "Not an SES bounce or complaint event: detail.eventType is '"
            + type
            + "'; the rule should match only detail-type Email Bounced and Email Complaint Received");
  }

  private static List<String> addresses(JsonNode recipients) {
    List<String> out = new ArrayList<>();
    recipients.forEach(r -> out.add(r.path("emailAddress").asText()));
    if (out.isEmpty() || out.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("The SES event names no recipient address");
    }
    return List.copyOf(out);
  }
}
