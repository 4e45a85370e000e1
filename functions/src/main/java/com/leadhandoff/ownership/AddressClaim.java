package com.leadhandoff.ownership;

import java.time.Instant;

/**
 * Which lead holds an email address: the open lead every other submission from it joins.
 *
 * @param holderLeadId the lead that holds the address
 * @param expiresAt the end of the holder's open-lead window; DynamoDB's TTL deletes the claim after
 *     it, as a safety net for a claim nobody released
 */
public record AddressClaim(String holderLeadId, Instant expiresAt) {}
