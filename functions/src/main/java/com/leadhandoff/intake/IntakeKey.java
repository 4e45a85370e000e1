package com.leadhandoff.intake;

import com.leadhandoff.json.ValueTrees;
import com.leadhandoff.lead.Submission;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A key under which a repeat of a submission finds the lead of the first one. Keys are hashed, so
 * the keys table holds no email addresses and every key has the same short length.
 *
 * @param name the stored key, prefixed by its kind so the table reads well in the console
 * @param keptFor how long a repeat still counts as the same submission
 */
public record IntakeKey(String name, Duration keptFor) {
  /** How long an {@code Idempotency-Key} is remembered. */
  public static final Duration IDEMPOTENCY_KEPT_FOR = Duration.ofHours(24);

  /** The key for a client's {@code Idempotency-Key} header. */
  public static IntakeKey idempotency(String headerValue) {
    return new IntakeKey("idempotency#" + sha256(headerValue), IDEMPOTENCY_KEPT_FOR);
  }

  /** The key for "this email address on this form", case-insensitive in the address. */
  public static IntakeKey sameSubmission(Submission submission, Duration window) {
    String formId = submission.formId() == null ? "" : submission.formId();
    // The separator cannot occur in either part, so "a@b.c"+"x" never equals "a@b.cx"+"".
    return new IntakeKey(
        "submission#" + sha256(submission.email().toLowerCase(Locale.ROOT) + "\n" + formId),
        window);
  }

  /**
   * The keys a submission is claimed under, strongest first: the client's own key, then email and
   * form unless {@code duplicateWindow} is zero.
   */
  public static List<IntakeKey> of(
      Submission submission, Optional<String> idempotencyKey, Duration duplicateWindow) {
    List<IntakeKey> keys = new ArrayList<>();
    idempotencyKey.map(IntakeKey::idempotency).ifPresent(keys::add);
    if (!duplicateWindow.isZero() && !duplicateWindow.isNegative()) {
      keys.add(sameSubmission(submission, duplicateWindow));
    }
    return keys;
  }

  /** Whether this is a client's {@code Idempotency-Key}, which names one exact request. */
  public boolean isIdempotencyKey() {
    return name.startsWith("idempotency#");
  }

  /**
   * The hash of a request as intake understood it: the validated submission (trimmed, invisible
   * characters removed, field order and JSON spacing gone) and where it redirects. Two requests
   * with one hash are the same request however the client formatted them.
   */
  public static String requestHash(Submission submission, Optional<String> redirect) {
    return sha256(ValueTrees.write(submission) + "\n" + redirect.orElse(""));
  }

  /** When a claim made at {@code now} stops counting. */
  public Instant expiresAt(Instant now) {
    return now.plus(keptFor);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
