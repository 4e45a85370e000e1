package com.leadhandoff.local.sfn;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Pagination as the Step Functions API does it: {@code maxResults} (0 or absent means the default
 * of 100, at most 1000) and an opaque {@code nextToken} bound to the list it came from.
 */
final class Pages {
  private static final int DEFAULT_SIZE = 100;
  private static final int MAX_SIZE = 1000;

  private Pages() {}

  /** One page of a list. */
  record Page<T>(List<T> items, Optional<String> nextToken) {}

  /**
   * The page of {@code all} that {@code nextToken} points at.
   *
   * @param listKey what was listed (an ARN plus filters), so a token cannot be replayed elsewhere
   */
  static <T> Page<T> of(List<T> all, int maxResults, Optional<String> nextToken, String listKey) {
    if (maxResults < 0 || maxResults > MAX_SIZE) {
      throw new StepFunctionsError(
          "ValidationException", "maxResults must be between 0 and " + MAX_SIZE + ".");
    }
    int size = maxResults == 0 ? DEFAULT_SIZE : maxResults;
    int from = nextToken.map(t -> offset(t, listKey)).orElse(0);
    if (from > all.size()) {
      throw new StepFunctionsError("InvalidToken", "The nextToken is past the end of the list.");
    }
    int to = Math.min(all.size(), from + size);
    Optional<String> next = to < all.size() ? Optional.of(token(to, listKey)) : Optional.empty();
    return new Page<>(all.subList(from, to), next);
  }

  private static String token(int offset, String listKey) {
    String plain = offset + ":" + listKey;
    return Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token, String listKey) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      if (colon > 0 && plain.substring(colon + 1).equals(listKey)) {
        return Integer.parseInt(plain.substring(0, colon));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below: any undecodable token is simply invalid
    }
    throw new StepFunctionsError("InvalidToken", "Invalid nextToken.");
  }
}
