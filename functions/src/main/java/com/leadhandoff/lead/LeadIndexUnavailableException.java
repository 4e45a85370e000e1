package com.leadhandoff.lead;

/**
 * A lookup by address or domain could not run because its index does not exist yet or is still
 * being built — as on a stack upgraded to the indexes, until DynamoDB has added and filled both.
 * Callers treat it as "no match found" and say so, rather than failing the lead.
 */
public final class LeadIndexUnavailableException extends RuntimeException {
  public LeadIndexUnavailableException(String index, Throwable cause) {
    super("The leads index " + index + " is not available yet: " + cause.getMessage(), cause);
  }
}
