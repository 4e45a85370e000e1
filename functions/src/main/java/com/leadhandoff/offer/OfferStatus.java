package com.leadhandoff.offer;

/** Where an offer stands. Only an {@code OPEN} offer can change, and only once. */
public enum OfferStatus {
  OPEN,
  ACCEPTED,
  DECLINED,
  EXPIRED
}
