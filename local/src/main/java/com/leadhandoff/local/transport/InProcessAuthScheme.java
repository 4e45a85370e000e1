package com.leadhandoff.local.transport;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * SigV4 for the functions' SDK clients in the local runtime, which the runtime names in {@code
 * AwsClients.AUTH_SCHEME_PROPERTY} with the {@link InProcessHttpService}: a request that the {@link
 * InProcessHttpClient} hands to one of the runtime's own servers ({@link InProcessEndpoints}) is
 * not signed, any other request (an external DynamoDB, anything on the network) is signed by the
 * SDK's own SigV4 signer as before.
 *
 * <p>Such a request never leaves the JVM and no local server checks a signature: the signature and
 * the payload's SHA-256 it needs were a fifth of the CPU of an SDK call handed over in-process.
 * What the servers read of the signed headers is the DynamoDB engine's region, from the
 * Authorization header's credential scope, which without the header is us-east-1: the local
 * runtime's own region ({@code LocalNames.REGION}), so the engine's answers (table ARNs) are the
 * same. Replacing the signer of a client's SigV4 scheme through {@code putAuthScheme} is the SDK's
 * documented way to customise signing (the migration guide of {@code
 * software.amazon.awssdk.core.signer.Signer}).
 */
public final class InProcessAuthScheme implements AwsV4AuthScheme {
  private static final AwsV4HttpSigner SIGNER = new InProcessSigner(AwsV4HttpSigner.create());

  @Override
  public String schemeId() {
    return AwsV4AuthScheme.SCHEME_ID;
  }

  /** The same credentials as the SDK's own SigV4 scheme: the signer still needs them to sign. */
  @Override
  public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
    return providers.identityProvider(AwsCredentialsIdentity.class);
  }

  @Override
  public AwsV4HttpSigner signer() {
    return SIGNER;
  }

  /** Leaves requests to an in-process server as they are; gives the others to {@code network}. */
  static final class InProcessSigner implements AwsV4HttpSigner {
    private final HttpSigner<AwsCredentialsIdentity> network;

    InProcessSigner(HttpSigner<AwsCredentialsIdentity> network) {
      this.network = network;
    }

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
      if (!inProcess(request.request())) {
        return network.sign(request);
      }
      return SignedRequest.builder()
          .request(request.request())
          .payload(request.payload().orElse(null))
          .build();
    }

    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(
        AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
      if (!inProcess(request.request())) {
        return network.signAsync(request);
      }
      return CompletableFuture.completedFuture(
          AsyncSignedRequest.builder()
              .request(request.request())
              .payload(request.payload().orElse(null))
              .build());
    }

    /** Whether the in-process client hands {@code request} to a server of this JVM. */
    private static boolean inProcess(SdkHttpRequest request) {
      // SdkHttpRequest.port() is the URI's, or the scheme's default where it has none.
      return InProcessEndpoints.serverFor(request.protocol(), request.host(), request.port())
          .isPresent();
    }
  }
}
