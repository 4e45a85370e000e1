package com.leadhandoff.dynamodb.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The region a request is for: its SigV4 credential scope's, else us-east-1. */
class HttpWireRegionTest {
  @Test
  void signedRequest_isForItsCredentialScopesRegion() {
    assertEquals(
        "eu-west-1",
        HttpWire.region(
            "AWS4-HMAC-SHA256 Credential=AKID/20261204/eu-west-1/dynamodb/aws4_request,"
                + " SignedHeaders=host;x-amz-date, Signature=abc"));
    assertEquals(
        "ap-south-2",
        HttpWire.region(
            "AWS4-HMAC-SHA256 Credential=AKID/20261204/ap-south-2/dynamodb/aws4_request"));
    assertEquals(
        "us-west-2",
        HttpWire.region("AWS4-HMAC-SHA256 Credential=AKID/d/us-west-2/dynamodb\tSignature=x"));
  }

  @Test
  void unsignedOrUnreadable_isUsEast1() {
    assertEquals("us-east-1", HttpWire.region(null));
    assertEquals("us-east-1", HttpWire.region("Bearer token"));
    assertEquals("us-east-1", HttpWire.region("AWS4-HMAC-SHA256 Credential=AKID/20261204"));
    assertEquals("us-east-1", HttpWire.region("AWS4-HMAC-SHA256 Credential=AKID/20261204//x, a"));
  }
}
