package com.leadhandoff.ownership;

/**
 * A rep who owns the company a lead comes from, and why.
 *
 * @param repId the owner, a rep id of the directory
 * @param why for the lead's history and the offer email, e.g. {@code owner of account Acme
 *     (acme.com)} or {@code owns open lead lead-01J… at acme.com}
 */
public record OwnerClaim(String repId, String why) {}
