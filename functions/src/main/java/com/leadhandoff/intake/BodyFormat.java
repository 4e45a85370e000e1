package com.leadhandoff.intake;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the two body formats a web form sends, with the charset its text is in.
 *
 * @param charset from the content type's {@code charset} parameter; UTF-8 when absent, which is
 *     what browsers send for forms on UTF-8 pages and what JSON requires
 */
public record BodyFormat(Kind kind, Charset charset) {

  /** The two formats. */
  public enum Kind {
    /** {@code application/json}: what a page posting with {@code fetch} sends. */
    JSON,
    /** {@code application/x-www-form-urlencoded}: what a plain HTML {@code <form>} sends. */
    FORM
  }

  /**
   * The format a {@code Content-Type} header names, if intake reads it: media type compared
   * case-insensitively, parameters other than {@code charset} ignored.
   */
  public static Optional<BodyFormat> of(String contentType) {
    String[] parts = contentType.split(";");
    Kind kind =
        switch (parts[0].trim().toLowerCase(Locale.ROOT)) {
          case "application/json" -> Kind.JSON;
          case "application/x-www-form-urlencoded" -> Kind.FORM;
          default -> null;
        };
    if (kind == null) {
      return Optional.empty();
    }
    Charset charset = StandardCharsets.UTF_8;
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("charset")) {
        String name = parameter[1].trim().replace("\"", "");
        try {
          if (!Charset.isSupported(name)) {
            return Optional.empty();
          }
        } catch (IllegalCharsetNameException e) {
          return Optional.empty();
        }
        charset = Charset.forName(name);
      }
    }
    return Optional.of(new BodyFormat(kind, charset));
  }
}
