package com.leadhandoff.attention;

import java.util.Optional;

/**
 * What parking a failed execution did.
 *
 * @param leadId the lead named by the failed state, if usable
 * @param leadMarked whether a stored lead was set to NEEDS_ATTENTION
 * @param alerted whether the alert was sent now (false: an earlier attempt already sent it)
 */
public record ParkOutcome(Optional<String> leadId, boolean leadMarked, boolean alerted) {}
