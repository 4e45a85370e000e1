package com.leadhandoff.ownership;

import java.util.List;

/**
 * A named account of {@code config/accounts.yaml}: a company that belongs to one rep.
 *
 * @param name the company as reps know it
 * @param domains its email domains, lower case; a subdomain of one belongs to the account too
 * @param ownerRepId the rep who owns it, a rep id of {@code config/directory.yaml}
 */
public record Account(String name, List<String> domains, String ownerRepId) {
  public Account {
    domains = List.copyOf(domains);
  }
}
