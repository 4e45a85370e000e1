package com.leadhandoff.local.transport;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local runtime's own HTTP servers that the {@link InProcessHttpClient} reaches without a
 * socket, by the localhost port they listen on. JVM-wide, like the functions' SDK clients (built
 * once per JVM, as once per Lambda container), which may only ever point at the runtime running
 * now: a runtime registers its servers when it starts and removes them when it stops, so a request
 * to a port no registered server listens on goes over the network as before.
 */
public final class InProcessEndpoints {
  private static final Map<Integer, Contexts> BY_PORT = new ConcurrentHashMap<>();

  private InProcessEndpoints() {}

  /** A registration; closing it sends requests to that port over the network again. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Serves requests to {@code http://localhost:port} (or {@code 127.0.0.1}) from {@code contexts},
   * in-process.
   *
   * @throws IllegalStateException if another server is registered on that port
   */
  public static Registration register(int port, Contexts contexts) {
    if (BY_PORT.putIfAbsent(port, contexts) != null) {
      throw new IllegalStateException("port " + port + " has an in-process server already");
    }
    return () -> BY_PORT.remove(port, contexts);
  }

  /** The registered server that {@code uri} addresses, if any. */
  static Optional<Contexts> serverFor(URI uri) {
    return serverFor(uri.getScheme(), uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort());
  }

  /** The registered server that a request to {@code scheme://host:port} reaches, if any. */
  static Optional<Contexts> serverFor(String scheme, String host, int port) {
    if (!"http".equalsIgnoreCase(scheme) || host == null) {
      return Optional.empty();
    }
    // The servers listen on the loopback interface only, which these names reach.
    if (!host.equalsIgnoreCase("localhost") && !host.equals("127.0.0.1")) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_PORT.get(port));
  }
}
