package com.leadhandoff.dynamodb.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.leadhandoff.dynamodb.DynamoDbServer;
import com.leadhandoff.dynamodb.error.DynamoDbException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * DynamoDB's JSON 1.0 protocol over HTTP: POST with {@code X-Amz-Target:
 * DynamoDB_20120810.<Operation>} and an {@code application/x-amz-json-1.0} body. Signatures are
 * accepted unchecked; the region of the credential scope is passed on for ARNs. Every answer
 * carries {@code x-amzn-RequestId} and {@code x-amz-crc32} (the SDKs check the CRC32 of the body).
 */
public final class HttpWire implements DynamoDbServer {
  /** The largest body accepted: DynamoDB's 16 MB request limit plus room. */
  static final int MAX_BODY = 17 * 1024 * 1024;

  private static final String TARGET_PREFIX = "DynamoDB_20120810.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final AtomicInteger SERVERS = new AtomicInteger();

  static {
    // The JDK server writes headers and body apart; without TCP_NODELAY each small response can
    // wait out the client's delayed ACK (~40 ms). Read once by the server's configuration.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** What the wire hands each request to. */
  public interface Handler {
    JsonNode handle(String operation, JsonNode request, String region);
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final WireJson json;
  private final Handler handler;
  private final AtomicLong requests = new AtomicLong();
  private final String idPrefix;

  private HttpWire(HttpServer server, ExecutorService pool, ObjectMapper json, Handler handler) {
    this.server = server;
    this.pool = pool;
    this.json = new WireJson(json);
    this.handler = handler;
    this.idPrefix =
        String.format(
            "%08X%04X",
            (int) (System.currentTimeMillis() / 1000), SERVERS.incrementAndGet() & 0xffff);
  }

  /** Starts serving on 127.0.0.1:{@code port} (0 picks one) with {@code threads} workers. */
  public static HttpWire start(int port, int threads, ObjectMapper json, Handler handler) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
      AtomicInteger n = new AtomicInteger();
      ExecutorService pool =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "dynamodb-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      HttpWire wire = new HttpWire(server, pool, json, handler);
      server.createContext("/", wire::exchange);
      server.setExecutor(pool);
      server.start();
      return wire;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on port " + port, e);
    }
  }

  @Override
  public URI endpoint() {
    return URI.create("http://localhost:" + port());
  }

  @Override
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public HttpHandler exchangeHandler() {
    return this::exchange;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestId = idPrefix + Long.toHexString(requests.incrementAndGet()).toUpperCase();
      Headers in = exchange.getRequestHeaders();
      String method = exchange.getRequestMethod();
      if (!method.equals("POST")) {
        drain(exchange.getRequestBody());
        // GET / is what health checks and the CLI's probes send: DynamoDB answers it with a
        // short plain text; so does this engine.
        byte[] body = "healthy: dynamodb-engine".getBytes(StandardCharsets.UTF_8);
        send(exchange, 200, "text/plain", body, requestId);
        return;
      }
      byte[] out;
      int status = 200;
      try {
        out = json.write(answer(exchange, in));
      } catch (DynamoDbException e) {
        status = e.status();
        out = json.write(e.body());
      } catch (RuntimeException e) {
        DynamoDbException internal = DynamoDbException.internal("Internal server error: " + e);
        status = 500;
        out = json.write(internal.body());
      }
      send(exchange, status, CONTENT_TYPE, out, requestId);
    }
  }

  private JsonNode answer(HttpExchange exchange, Headers in) throws IOException {
    String target = in.getFirst("X-Amz-Target");
    byte[] body = read(exchange.getRequestBody(), in.getFirst("Content-Length"));
    if (target == null || !target.startsWith(TARGET_PREFIX)) {
      throw DynamoDbException.unknownOperation(String.valueOf(target));
    }
    JsonNode request =
        body.length == 0
            ? JsonNodeFactory.instance.objectNode()
            : json.readObject(body)
                .orElseThrow(
                    () ->
                        DynamoDbException.serialization(
                            "Start of structure or map found where not expected."));
    return handler.handle(
        target.substring(TARGET_PREFIX.length()), request, region(in.getFirst("Authorization")));
  }

  /**
   * The region of a SigV4 Authorization header's credential scope ({@code Credential=AKID/date/
   * region/dynamodb/aws4_request}), or us-east-1.
   */
  static String region(String authorization) {
    if (authorization != null) {
      int at = authorization.indexOf("Credential=");
      if (at >= 0) {
        // The scope runs to the next comma or white space (a regex split compiled a pattern on
        // every request).
        int start = at + "Credential=".length();
        int end = start;
        while (end < authorization.length() && !endsScope(authorization.charAt(end))) {
          end++;
        }
        String[] scope = authorization.substring(start, end).split("/");
        if (scope.length >= 3 && !scope[2].isEmpty()) {
          return scope[2];
        }
      }
    }
    return "us-east-1";
  }

  private static boolean endsScope(char c) {
    return c == ','
        || c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\u000B'
        || c == '\f'
        || c == '\r';
  }

  private static byte[] read(InputStream in, String contentLength) throws IOException {
    if (contentLength != null) {
      long length;
      try {
        length = Long.parseLong(contentLength.trim());
      } catch (NumberFormatException e) {
        length = -1;
      }
      if (length > MAX_BODY) {
        throw tooLarge();
      }
      if (length >= 0) {
        return in.readNBytes((int) length);
      }
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
    byte[] chunk = new byte[8192];
    int total = 0;
    for (int n; (n = in.read(chunk)) > 0; ) {
      total += n;
      if (total > MAX_BODY) {
        throw tooLarge();
      }
      buffer.write(chunk, 0, n);
    }
    return buffer.toByteArray();
  }

  private static DynamoDbException tooLarge() {
    return new DynamoDbException(
        "RequestEntityTooLarge",
        "Request must be smaller than " + MAX_BODY + " bytes for the operation",
        413,
        null);
  }

  private static void drain(InputStream in) throws IOException {
    byte[] chunk = new byte[8192];
    while (in.read(chunk) > 0) {
      // discard
    }
  }

  private static void send(
      HttpExchange exchange, int status, String contentType, byte[] body, String requestId)
      throws IOException {
    CRC32 crc = new CRC32();
    crc.update(body);
    Headers out = exchange.getResponseHeaders();
    out.set("Content-Type", contentType);
    out.set("x-amzn-RequestId", requestId);
    out.set("x-amz-crc32", Long.toString(crc.getValue()));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(body);
    }
  }
}
