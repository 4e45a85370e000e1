package com.leadhandoff.intake;

import java.net.IDN;
import java.util.regex.Pattern;

/**
 * A practical check that an email address can be mailed: the dot-atom form every mail provider
 * hands out, with an internationalised domain allowed. Quoted local parts and IP-literal domains,
 * legal but never seen on a lead form, are refused; an address that passes but does not exist is
 * caught when the acknowledgement bounces.
 */
final class EmailAddresses {
  static final int MAX_LENGTH = 254;
  private static final Pattern LOCAL_PART =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

  private EmailAddresses() {}

  /** Whether {@code address} (already trimmed) looks deliverable. */
  static boolean isValid(String address) {
    int at = address.indexOf('@');
    if (address.length() > MAX_LENGTH || at <= 0 || at != address.lastIndexOf('@')) {
      return false;
    }
    String local = address.substring(0, at);
    if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
      return false;
    }
    String domain;
    try {
      domain = IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String[] labels = domain.split("\\.", -1);
    if (domain.length() > 253 || labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
  }
}
