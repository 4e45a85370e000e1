package com.leadhandoff.scoring;

/**
 * A workflow step was asked about a lead that is not stored. Retrying cannot help, so the state
 * machine's catch parks the execution for a person to look at.
 */
public final class UnknownLeadException extends RuntimeException {
  public UnknownLeadException(String leadId) {
    super("No lead with id '" + leadId + "' is stored; the workflow cannot continue without it");
  }
}
