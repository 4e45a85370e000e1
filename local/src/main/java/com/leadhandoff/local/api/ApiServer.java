package com.leadhandoff.local.api;

import com.leadhandoff.local.lambda.Functions;
import com.leadhandoff.local.template.HttpApi;
import com.leadhandoff.local.template.HttpRoute;
import com.leadhandoff.local.template.LocalNames;
import com.leadhandoff.local.transport.Contexts;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one HTTP port of the local runtime, on the loopback interface. The template's HttpApi routes
 * are served from {@code /}; other parts of the runtime {@link #mount} their handlers under their
 * own path prefixes ({@code /_local/} for the web UI, {@code /_aws/sfn} and {@code /_aws/ses} for
 * the AWS APIs the functions call), which no API route may start with.
 */
public final class ApiServer implements AutoCloseable {
  static {
    // The JDK server writes a response's headers and body apart; without TCP_NODELAY the body
    // waits for the client's delayed ACK (about 40 ms a request). The JDK reads this property once,
    // when the first server of the JVM is created: this one starts before the DynamoDB engine's
    // (which sets it too), so it must be set here.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final List<String> mounts = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Contexts contexts = new Contexts();

  private ApiServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds {@code port} (0 picks a free one) and starts answering; until {@link #serve} is called,
   * every path is 404.
   */
  public static ApiServer start(int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on port " + port, e);
    }
    AtomicInteger count = new AtomicInteger();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "local-http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.start();
    return new ApiServer(server, executor);
  }

  /** The port in use. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL, e.g. {@code http://localhost:3000}. */
  public URI baseUrl() {
    return URI.create("http://localhost:" + port());
  }

  /**
   * Serves the template's routes from {@code /}, each request invoking its function with the
   * payload-2.0 event API Gateway would send.
   *
   * @param routes every HttpApi route
   * @param apis the HttpApis by logical id (for their CORS configuration)
   * @param functions where routes' functions are invoked
   * @param clock the runtime's clock (request times in events)
   */
  public void serve(
      List<HttpRoute> routes, Map<String, HttpApi> apis, Functions functions, Clock clock) {
    HttpHandler api =
        new ApiGatewayHandler(
            new RouteTable(routes),
            apis,
            functions,
            clock,
            new IamAuthorizer(
                LocalNames.ACCESS_KEY_ID, LocalNames.SECRET_ACCESS_KEY, LocalNames.ACCOUNT_ID));
    server.createContext("/", api);
    contexts.add("/", api);
  }

  /** Sends every request whose path starts with {@code pathPrefix} to {@code handler}. */
  public void mount(String pathPrefix, HttpHandler handler) {
    server.createContext(pathPrefix, handler);
    contexts.add(pathPrefix, handler);
    mounts.add(pathPrefix);
  }

  /** Every path this server serves and its handler, for serving them in-process too. */
  public Contexts contexts() {
    return contexts;
  }

  /** The path prefixes mounted so far, in mount order. */
  public List<String> mounts() {
    return List.copyOf(mounts);
  }

  /** Stops listening at once and ends the request threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
