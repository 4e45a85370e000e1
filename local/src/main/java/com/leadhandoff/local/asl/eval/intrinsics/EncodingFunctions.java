package com.leadhandoff.local.asl.eval.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.leadhandoff.local.asl.eval.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/** The developer guide's "Intrinsics for data encoding and decoding" and "for hash calculation". */
final class EncodingFunctions {
  /** "The input string can't exceed 10,000 characters" (Base64Encode, Base64Decode, Hash). */
  static final int MAX_INPUT_CHARACTERS = 10_000;

  /** Hash algorithms, spelled exactly as AWS accepts them (case and hyphen matter). */
  private static final Set<String> ALGORITHMS =
      Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private EncodingFunctions() {}

  static void register(Map<String, Signature> functions) {
    functions.put("States.Base64Encode", new Signature(1, 1, EncodingFunctions::encode));
    functions.put("States.Base64Decode", new Signature(1, 1, EncodingFunctions::decode));
    functions.put("States.Hash", new Signature(2, 2, EncodingFunctions::hash));
  }

  private static JsonNode encode(Arguments args) {
    String text = limited(args, args.text(0));
    return TextNode.valueOf(
        Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * MIME Base64: characters outside the alphabet are skipped and padding is optional, as AWS
   * decodes ' YWJjZA== ' and 'abc' where a strict decoder refuses them.
   */
  private static JsonNode decode(Arguments args) {
    String text = limited(args, args.text(0));
    try {
      return TextNode.valueOf(
          new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw args.invalid();
    }
  }

  /** Lowercase hex digest; AWS hashes a non-string value by its JSON text. */
  private static JsonNode hash(Arguments args) {
    JsonNode data = args.get(0);
    String text = limited(args, data.isTextual() ? data.asText() : Json.write(data));
    String algorithm = args.text(1);
    args.require(ALGORITHMS.contains(algorithm));
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
      return TextNode.valueOf(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has " + algorithm, e);
    }
  }

  private static String limited(Arguments args, String text) {
    args.require(text.length() <= MAX_INPUT_CHARACTERS);
    return text;
  }
}
