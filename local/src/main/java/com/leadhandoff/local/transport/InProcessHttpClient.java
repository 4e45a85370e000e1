package com.leadhandoff.local.transport;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.ThreadContext;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * An SDK HTTP client that hands a request addressed to one of the local runtime's own servers
 * ({@link InProcessEndpoints}) straight to the handler that server would give it, on the calling
 * thread, with no socket; any other request goes through {@code network}, the client the functions
 * use on Lambda. Everything above the transport is the SDK's as usual: endpoint resolution from the
 * {@code aws.endpointUrl*} settings, signing, marshalling, retries, response checks (CRC32).
 *
 * <p>The handler sees the request as the JDK server would pass it on ({@link InProcessExchange}):
 * the SDK's headers, plus {@code Host} and {@code Content-length} as the URL-connection client
 * sends them, the body limited to its length. The caller gets the handler's status, headers and
 * body as the URL-connection client reads them, or an {@link IOException} where the server would
 * close the connection (which the SDK retries as any I/O error). The handler runs with an empty
 * logging context (MDC), as on a server thread, and the caller's is put back after; the context is
 * Log4j's {@link ThreadContext}, which the functions' SLF4J MDC is bound to.
 */
public final class InProcessHttpClient implements SdkHttpClient {
  private final SdkHttpClient network;

  /** Sends whatever the runtime does not serve itself through {@code network}. */
  public InProcessHttpClient(SdkHttpClient network) {
    this.network = network;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    // From the request's parts: its getUri() builds and parses a URI on every call.
    SdkHttpRequest http = request.httpRequest();
    Optional<Contexts> server =
        InProcessEndpoints.serverFor(http.protocol(), http.host(), http.port());
    if (server.isEmpty()) {
      return network.prepareRequest(request);
    }
    return new Call(server.get(), request);
  }

  /** The network client's name: the SDK puts it in the User-Agent, which stays as it was. */
  @Override
  public String clientName() {
    return network.clientName();
  }

  @Override
  public void close() {
    network.close();
  }

  /** One request handed to a handler in this JVM. */
  private static final class Call implements ExecutableHttpRequest {
    private final Contexts server;
    private final HttpExecuteRequest request;
    private volatile boolean aborted;

    Call(Contexts server, HttpExecuteRequest request) {
      this.server = server;
      this.request = request;
    }

    @Override
    public HttpExecuteResponse call() throws IOException {
      SdkHttpRequest http = request.httpRequest();
      URI target = requestTarget(http);
      String path = target.getPath() == null || target.getPath().isEmpty() ? "/" : target.getPath();
      Optional<Contexts.Context> context = server.find(path);
      if (context.isEmpty()) {
        // The JDK server's own answer to a path no context takes.
        return response(
            404,
            Map.of("Content-type", List.of("text/html")),
            "<h1>404 Not Found</h1>No context found for request".getBytes(StandardCharsets.UTF_8));
      }
      InProcessExchange exchange =
          new InProcessExchange(
              http.method().name(),
              target,
              headers(http),
              body(http),
              context.get().path(),
              context.get().handler(),
              http.port());
      // The caller's context as it is (Log4j's is copy-on-write: no copy is made), where the
      // SLF4J MDC would copy it into a new map both ways.
      Map<String, String> callerContext = ThreadContext.getImmutableContext();
      ThreadContext.clearMap();
      try {
        context.get().handler().handle(exchange);
      } catch (IOException | RuntimeException e) {
        // The JDK server logs it and closes the connection: the caller sees an I/O error.
        throw new IOException("The local server closed the connection: " + e, e);
      } finally {
        ThreadContext.clearMap();
        if (!callerContext.isEmpty()) {
          ThreadContext.putAll(callerContext);
        }
      }
      if (aborted) {
        throw new IOException("The request was aborted");
      }
      InProcessExchange.Response answer = exchange.response();
      return response(answer.status(), asReadOverHttp(answer.headers()), answer.body());
    }

    @Override
    public void abort() {
      aborted = true;
    }

    private InputStream body(SdkHttpRequest http) {
      Optional<ContentStreamProvider> content = request.contentStreamProvider();
      if (content.isEmpty()) {
        return InputStream.nullInputStream();
      }
      InputStream in = content.get().newStream();
      Optional<String> length = http.firstMatchingHeader("Content-Length");
      return length.isPresent()
          ? InProcessExchange.limited(in, Long.parseLong(length.get().trim()))
          : in;
    }

    /** The request line's target: the raw path ({@code /} if empty) and query, as sent. */
    private static URI requestTarget(SdkHttpRequest http) {
      String rawPath = http.encodedPath();
      String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
      Optional<String> query = http.encodedQueryParameters();
      return URI.create(query.isEmpty() ? path : path + "?" + query.get());
    }

    private static Headers headers(SdkHttpRequest http) {
      Headers headers = new Headers();
      http.forEachHeader((name, values) -> headers.put(name, List.copyOf(values)));
      // The URL-connection client sends Host itself, from the URL, whose port is left out where it
      // is the scheme's default (as the SDK leaves it out of the request's URI).
      headers.set(
          "Host",
          SdkHttpUtils.isUsingStandardPort(http.protocol(), http.port())
              ? http.host()
              : http.host() + ":" + http.port());
      return headers;
    }

    /**
     * The headers as the URL-connection client hands them to the SDK: a header sent several times
     * lists its values last first ({@code HttpURLConnection.getHeaderFields}).
     */
    private static Map<String, List<String>> asReadOverHttp(Map<String, List<String>> headers) {
      Map<String, List<String>> read = new java.util.LinkedHashMap<>();
      headers.forEach(
          (name, values) -> {
            List<String> reversed = new java.util.ArrayList<>(values);
            java.util.Collections.reverse(reversed);
            read.put(name, reversed);
          });
      return read;
    }

    private static HttpExecuteResponse response(
        int status, Map<String, List<String>> headers, byte[] body) {
      return HttpExecuteResponse.builder()
          .response(
              SdkHttpResponse.builder()
                  .statusCode(status)
                  .statusText(reason(status))
                  .headers(headers)
                  .build())
          .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
          .build();
    }

    /** The reason phrase the JDK server writes in the status line, as far as the SDK meets it. */
    private static String reason(int status) {
      return switch (status) {
        case HttpURLConnection.HTTP_OK -> "OK";
        case HttpURLConnection.HTTP_CREATED -> "Created";
        case HttpURLConnection.HTTP_ACCEPTED -> "Accepted";
        case HttpURLConnection.HTTP_NO_CONTENT -> "No Content";
        case HttpURLConnection.HTTP_BAD_REQUEST -> "Bad Request";
        case HttpURLConnection.HTTP_FORBIDDEN -> "Forbidden";
        case HttpURLConnection.HTTP_NOT_FOUND -> "Not Found";
        case HttpURLConnection.HTTP_BAD_METHOD -> "Method Not Allowed";
        case HttpURLConnection.HTTP_CONFLICT -> "Conflict";
        case HttpURLConnection.HTTP_ENTITY_TOO_LARGE -> "Request Entity Too Large";
        case HttpURLConnection.HTTP_INTERNAL_ERROR -> "Internal Server Error";
        case HttpURLConnection.HTTP_UNAVAILABLE -> "Service Unavailable";
        default -> null;
      };
    }
  }
}
