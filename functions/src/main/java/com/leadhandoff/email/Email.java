package com.leadhandoff.email;

/**
 * One email ready to send, with both parts.
 *
 * @param to the recipient's address
 * @param text the plain-text part
 * @param html the HTML part, every value in it already escaped
 */
public record Email(String to, String subject, String text, String html) {}
