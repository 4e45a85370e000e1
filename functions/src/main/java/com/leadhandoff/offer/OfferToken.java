package com.leadhandoff.offer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The opaque secret in a rep's offer link: 256 random bits, URL-safe base64 without padding. Only
 * its SHA-256 {@link #hash()} is stored, so a leaked table cannot be turned into working links; the
 * stored hash binds the token to one offer (one rep, one attempt), and the token expires with it.
 */
public final class OfferToken {
  private static final int BYTES = 32;
  private static final int LENGTH = 43; // ceil(32 * 8 / 6) characters, no padding
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private OfferToken(String value) {
    this.value = value;
  }

  /** A new random token. */
  public static OfferToken generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return new OfferToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * The token in a link, if it has the shape of one. Malformed input never reaches the store, so a
   * typo or a probe costs no read.
   */
  public static Optional<OfferToken> parse(String text) {
    return Optional.ofNullable(text).filter(t -> SHAPE.matcher(t).matches()).map(OfferToken::new);
  }

  /** The token as it appears in the link. */
  public String value() {
    return value;
  }

  /** SHA-256 of the token, lower-case hex: what the offer store keeps and looks up by. */
  public String hash() {
    return HexFormat.of().formatHex(digest());
  }

  /**
   * Whether {@code storedHash} is this token's hash, compared in constant time so response timing
   * says nothing about how much of a guess was right.
   */
  public boolean matches(String storedHash) {
    return storedHash != null
        && MessageDigest.isEqual(
            hash().getBytes(StandardCharsets.US_ASCII),
            storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] digest() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Never the token itself: it is a secret and must not end up in logs. */
  @Override
  public String toString() {
    return "OfferToken[hash=" + hash().substring(0, 8) + "…]";
  }
}
