package com.leadhandoff.ownership;

/**
 * A lead's email domain belongs to a named account.
 *
 * @param domain the account domain that matched (the lead's own domain or a parent of it)
 */
public record AccountMatch(Account account, String domain) {
  /** For the lead's history: {@code owner of account Acme (acme.com)}. */
  public String why() {
    return "owner of account " + account.name() + " (" + domain + ")";
  }
}
