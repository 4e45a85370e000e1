package com.leadhandoff.watchdog;

import com.leadhandoff.attention.Incident;
import com.leadhandoff.attention.LeadParking;
import com.leadhandoff.attention.ParkOutcome;
import com.leadhandoff.lead.LeadStatus;
import com.leadhandoff.ownership.AddressRelease;

/**
 * Parks a lead the watchdog found the way {@code Park Lead} parks a failed one: NEEDS_ATTENTION,
 * open offers closed, the fallback manager alerted, a history entry, the address released.
 */
public final class Parker {
  private final LeadParking parking;
  private final AddressRelease addressRelease;

  public Parker(LeadParking parking, AddressRelease addressRelease) {
    this.parking = parking;
    this.addressRelease = addressRelease;
  }

  /** Parks the incident's lead; a repeat for the same execution alerts once. */
  public ParkOutcome park(Incident incident) {
    return park(incident, java.util.Optional.empty());
  }

  /** Parks the incident's lead if it is still in {@code stillIn} (when given). */
  public ParkOutcome park(Incident incident, java.util.Optional<LeadStatus> stillIn) {
    ParkOutcome outcome = parking.park(incident, stillIn);
    if (outcome.leadMarked()) {
      outcome.leadId().ifPresent(addressRelease::closed);
    }
    return outcome;
  }
}
