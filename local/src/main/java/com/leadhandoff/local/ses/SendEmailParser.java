package com.leadhandoff.local.ses;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a {@code SendEmail} request body into a {@link SentEmail}, refusing what SES refuses: no
 * content, no sender, no recipient, a malformed address, more than 50 recipients.
 */
final class SendEmailParser {
  private static final int MAX_RECIPIENTS = 50;
  // What SES accepts is looser than RFC 5322 and stricter than "contains @"; this catches the
  // mistakes a local run should show (empty, missing domain, display name without brackets).
  private static final Pattern ADDRESS =
      Pattern.compile("(?:[^<>]*<)?[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+>?");

  private SendEmailParser() {}

  static SentEmail parse(JsonNode request, String messageId, Instant sentAt) {
    JsonNode content = request.path("Content");
    if (!content.isObject()) {
      throw SesError.badRequest("Content is required: one of Simple, Raw or Template.");
    }
    long kinds = Stream.of("Simple", "Raw", "Template").filter(content::hasNonNull).count();
    if (kinds != 1) {
      throw SesError.badRequest("Content must have exactly one of Simple, Raw or Template.");
    }
    if (content.hasNonNull("Template")) {
      String name = content.path("Template").path("TemplateName").asText("");
      // The local endpoint stores no templates (the product renders its own), like an account
      // where CreateEmailTemplate was never called.
      throw SesError.notFound("Email template " + name + " does not exist.");
    }
    return content.hasNonNull("Raw")
        ? raw(request, content.path("Raw"), messageId, sentAt)
        : simple(request, content.path("Simple"), messageId, sentAt);
  }

  private static SentEmail simple(
      JsonNode request, JsonNode simple, String messageId, Instant sentAt) {
    String from = request.path("FromEmailAddress").asText("");
    if (from.isBlank()) {
      throw SesError.badRequest("FromEmailAddress is required for a Simple message.");
    }
    JsonNode destination = request.path("Destination");
    List<String> to = addresses(destination.path("ToAddresses"));
    List<String> cc = addresses(destination.path("CcAddresses"));
    List<String> bcc = addresses(destination.path("BccAddresses"));
    List<String> replyTo = addresses(request.path("ReplyToAddresses"));
    checkRecipients(to, cc, bcc);
    Stream.of(List.of(from), to, cc, bcc, replyTo)
        .flatMap(List::stream)
        .forEach(SendEmailParser::checkAddress);
    JsonNode subject = simple.path("Subject");
    if (!subject.hasNonNull("Data")) {
      throw SesError.badRequest("Simple.Subject.Data is required.");
    }
    JsonNode body = simple.path("Body");
    String text = body.path("Text").path("Data").asText("");
    String html = body.path("Html").path("Data").asText("");
    if (!body.path("Text").hasNonNull("Data") && !body.path("Html").hasNonNull("Data")) {
      throw SesError.badRequest("Simple.Body needs Text or Html.");
    }
    return new SentEmail(
        messageId,
        from,
        to,
        cc,
        bcc,
        replyTo,
        subject.path("Data").asText(),
        text,
        html,
        Links.in(text, html),
        sentAt,
        attachments(simple.path("Attachments")),
        headers(simple.path("Headers")),
        request.path("ConfigurationSetName").asText(""),
        tags(request.path("EmailTags")));
  }

  /**
   * {@code Simple.Attachments}: FileName and RawContent (base64 on the wire) required, the rest
   * optional (SES API v2 reference, Attachment; SES Developer Guide, "Working with email
   * attachments in SES").
   */
  private static List<SentAttachment> attachments(JsonNode array) {
    if (array.isMissingNode() || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw SesError.badRequest("Simple.Attachments must be a list.");
    }
    List<SentAttachment> out = new ArrayList<>();
    for (JsonNode a : array) {
      String fileName = a.path("FileName").asText("");
      if (fileName.isBlank()) {
        throw SesError.badRequest("Attachment FileName is required.");
      }
      if (!a.hasNonNull("RawContent")) {
        throw SesError.badRequest("Attachment RawContent is required: " + fileName);
      }
      byte[] data;
      try {
        data = Base64.getDecoder().decode(a.path("RawContent").asText());
      } catch (IllegalArgumentException e) {
        throw SesError.badRequest("Attachment RawContent is not base64: " + fileName);
      }
      String disposition = a.path("ContentDisposition").asText("ATTACHMENT");
      if (!disposition.equals("ATTACHMENT") && !disposition.equals("INLINE")) {
        throw SesError.badRequest(
            "Attachment ContentDisposition must be ATTACHMENT or INLINE, was " + disposition);
      }
      out.add(
          new SentAttachment(
              fileName,
              a.path("ContentType").asText(SentAttachment.typeOf(fileName)),
              disposition,
              a.path("ContentId").asText(""),
              data));
    }
    return out;
  }

  // SES refuses a Simple message whose custom headers lack a name or value.
  private static List<SentEmail.Header> headers(JsonNode array) {
    List<SentEmail.Header> out = new ArrayList<>();
    for (JsonNode h : array) {
      String name = h.path("Name").asText("");
      String value = h.path("Value").asText("");
      if (name.isBlank() || value.isBlank()) {
        throw SesError.badRequest("Simple.Headers: every header needs a Name and a Value.");
      }
      out.add(new SentEmail.Header(name, value));
    }
    return out;
  }

  private static Map<String, String> tags(JsonNode array) {
    Map<String, String> out = new LinkedHashMap<>();
    array.forEach(t -> out.put(t.path("Name").asText(""), t.path("Value").asText("")));
    return out;
  }

  /**
   * A raw MIME message, read only as far as the outbox needs: its top-level headers and the rest as
   * text. Multipart bodies are shown as they are; the product itself sends Simple messages.
   */
  private static SentEmail raw(JsonNode request, JsonNode raw, String messageId, Instant sentAt) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(raw.path("Data").asText(""));
    } catch (IllegalArgumentException e) {
      throw SesError.badRequest("Raw.Data is not base64.");
    }
    String mime = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
    int split = mime.indexOf("\n\n");
    String head = split < 0 ? mime : mime.substring(0, split);
    String body = split < 0 ? "" : mime.substring(split + 2);
    List<String> headers = List.of(head.replaceAll("\n[ \t]+", " ").split("\n"));
    String from = request.path("FromEmailAddress").asText(header(headers, "From"));
    if (from.isBlank()) {
      throw SesError.messageRejected("Missing required header 'From'.");
    }
    JsonNode destination = request.path("Destination");
    List<String> to = orHeader(addresses(destination.path("ToAddresses")), headers, "To");
    List<String> cc = orHeader(addresses(destination.path("CcAddresses")), headers, "Cc");
    List<String> bcc = addresses(destination.path("BccAddresses"));
    checkRecipients(to, cc, bcc);
    return new SentEmail(
        messageId,
        from,
        to,
        cc,
        bcc,
        addresses(request.path("ReplyToAddresses")),
        header(headers, "Subject"),
        body,
        "",
        Links.in(body, ""),
        sentAt);
  }

  private static void checkRecipients(List<String> to, List<String> cc, List<String> bcc) {
    int count = to.size() + cc.size() + bcc.size();
    if (count == 0) {
      throw SesError.badRequest("Destination needs at least one To, Cc or Bcc address.");
    }
    if (count > MAX_RECIPIENTS) {
      throw SesError.messageRejected(
          "Recipient count exceeds " + MAX_RECIPIENTS + " (" + count + ").");
    }
  }

  private static void checkAddress(String address) {
    if (!ADDRESS.matcher(address.strip()).matches()) {
      throw SesError.badRequest("Illegal address: " + address);
    }
  }

  private static List<String> addresses(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(a -> out.add(a.asText()));
    return out;
  }

  private static List<String> orHeader(List<String> given, List<String> headers, String name) {
    if (!given.isEmpty()) {
      return given;
    }
    String value = header(headers, name);
    return value.isBlank() ? List.of() : Stream.of(value.split(",")).map(String::strip).toList();
  }

  private static String header(List<String> headers, String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    return headers.stream()
        .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
        .map(h -> h.substring(prefix.length()).strip())
        .findFirst()
        .orElse("");
  }
}
