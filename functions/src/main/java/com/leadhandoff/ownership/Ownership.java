package com.leadhandoff.ownership;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadIndexUnavailableException;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.lead.LeadStore;
import com.leadhandoff.lead.OpenLeads;
import com.leadhandoff.lead.Owner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who owns the company a lead comes from, in the order they are offered it first: the owner of the
 * named account its email domain belongs to, then reps who accepted another open lead from the same
 * domain, the newest lead's first. A free-mail domain belongs to nobody.
 */
public final class Ownership {
  /** How many of the domain's newest open leads are looked at for their owners. */
  static final int LEADS_LOOKED_AT = 20;

  /** Nobody owns anything: routing by the rules alone. */
  public static final Ownership NONE = new Ownership(Accounts.NONE, null, null);

  private final Accounts accounts;
  private final LeadStore leads;
  private final OpenLeads open;

  /**
   * @param leads where other open leads of the domain are found; null to use accounts only (the dry
   *     run)
   */
  public Ownership(Accounts accounts, LeadStore leads, OpenLeads open) {
    this.accounts = accounts;
    this.leads = leads;
    this.open = open;
  }

  /** The accounts this ownership reads. */
  public Accounts accounts() {
    return accounts;
  }

  /** The reps who own the lead's company at {@code now}, first to be offered it first. */
  public List<OwnerClaim> owners(Lead lead, Instant now) {
    String domain = lead.submission().emailDomain();
    if (accounts.isFreeMail(domain)) {
      return List.of();
    }
    List<OwnerClaim> claims = new ArrayList<>();
    Set<String> reps = new LinkedHashSet<>();
    accounts
        .match(domain)
        .ifPresent(
            match -> {
              reps.add(match.account().ownerRepId());
              claims.add(new OwnerClaim(match.account().ownerRepId(), match.why()));
            });
    if (leads == null) {
      return claims;
    }
    // An accepted lead is the only open lead a rep owns; escalated ones belong to a manager.
    List<Lead> owned;
    try {
      owned =
          leads.fromDomain(domain, open.since(now), Set.of(LeadStatus.ACCEPTED), LEADS_LOOKED_AT);
    } catch (LeadIndexUnavailableException e) {
      // A stack upgraded to the index, before DynamoDB finished it: named accounts still count.
      System.err.println("Owners of open leads at " + domain + " not looked up: " + e.getMessage());
      return claims;
    }
    for (Lead other : owned) {
      if (other.leadId().equals(lead.leadId()) || !open.isOpen(other, now)) {
        continue;
      }
      other
          .owner()
          .filter(o -> o.role() == Owner.Role.REP)
          .filter(o -> reps.add(o.id()))
          .ifPresent(
              o ->
                  claims.add(
                      new OwnerClaim(
                          o.id(), "owns open lead " + other.leadId() + " at " + domain)));
    }
    return claims;
  }
}
