package com.leadhandoff.aws;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.leadhandoff.local.transport.InProcessAuthScheme;
import org.junit.jupiter.api.Test;

/**
 * The functions' auth scheme choice ({@link AwsClients#AUTH_SCHEME_PROPERTY}), tested beside the
 * local runtime that sets it: unset, as on Lambda, the clients keep their own SigV4 scheme; set,
 * the named scheme; a wrong name stops the function's init with what is wrong.
 */
class AwsClientsAuthSchemeTest {
  @Test
  void unset_keepsTheClientsOwnScheme_asOnLambda() {
    assertNull(AwsClients.authScheme(null));
    assertNull(AwsClients.authScheme(" "));
  }

  @Test
  void theRuntimesScheme_isUsed() {
    assertInstanceOf(
        InProcessAuthScheme.class, AwsClients.authScheme(InProcessAuthScheme.class.getName()));
  }

  @Test
  void aClassThatIsNoAuthScheme_isRefusedNamingTheProperty() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> AwsClients.authScheme(String.class.getName()));
    assertTrue(
        e.getMessage().startsWith("leadhandoff.sdkAuthScheme names java.lang.String"),
        e.getMessage());

    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> AwsClients.authScheme("no.such.Scheme"));
    assertTrue(missing.getMessage().contains("no.such.Scheme"), missing.getMessage());
  }
}
