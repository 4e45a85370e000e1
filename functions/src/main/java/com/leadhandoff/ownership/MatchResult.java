package com.leadhandoff.ownership;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code Match Lead} returns at {@code $.match}: whether the lead was merged into an open
 * lead, which, and who was told. When {@code merged} is false the other fields are left out.
 *
 * @param mergedInto the open lead's id
 * @param told the email address of whoever was told, when somebody was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchResult(boolean merged, String mergedInto, String told) {
  /** Not a duplicate: the lead is handed off as usual. */
  public static MatchResult notDuplicate() {
    return new MatchResult(false, null, null);
  }
}
