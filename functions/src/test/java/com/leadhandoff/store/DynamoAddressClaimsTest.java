package com.leadhandoff.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.leadhandoff.ownership.AddressClaim;
import com.leadhandoff.testing.TestDynamo;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The claim on an address, taken and read in one conditional put. */
class DynamoAddressClaimsTest {
  private static final Instant EXPIRES = Instant.parse("2026-12-23T10:00:00Z");

  private final DynamoAddressClaims claims =
      new DynamoAddressClaims(TestDynamo.client(), TestDynamo.tables().get("AddressClaimsTable"));
  private final String email = "Dana." + System.nanoTime() + "@Acme.example";

  @Test
  void claimOrGet_freeAddress_isTakenAndNobodyHeldItBefore() {
    assertEquals(Optional.empty(), claims.claimOrGet(email, "lead-a", EXPIRES));
    assertEquals(Optional.of(new AddressClaim("lead-a", EXPIRES)), claims.find(email));
  }

  @Test
  void claimOrGet_again_byItsHolder_answersItsOwnClaim() {
    claims.claimOrGet(email, "lead-a", EXPIRES);

    assertEquals(
        Optional.of(new AddressClaim("lead-a", EXPIRES)),
        claims.claimOrGet(email, "lead-a", EXPIRES));
  }

  @Test
  void claimOrGet_heldByAnother_answersTheHolder_andChangesNothing() {
    claims.claimOrGet(email, "lead-a", EXPIRES);

    // Letter case makes no other person: the same address, held by lead-a.
    assertEquals(
        Optional.of(new AddressClaim("lead-a", EXPIRES)),
        claims.claimOrGet(
            email.toUpperCase(java.util.Locale.ROOT), "lead-b", EXPIRES.plusSeconds(60)));
    assertEquals(Optional.of(new AddressClaim("lead-a", EXPIRES)), claims.find(email));
  }
}
