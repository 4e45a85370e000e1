package com.leadhandoff.local.transport;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request to one of the runtime's own handlers, as the JDK's {@code HttpServer} would hand it
 * over, without a connection. What the JDK server (17) does around a handler is done here too, so a
 * handler cannot tell the difference and the caller reads the same response: {@code Date} on every
 * response; {@code sendResponseHeaders(code, n)} with {@code n > 0} sets {@code Content-length} and
 * takes exactly {@code n} bytes, {@code 0} streams a body of any length ({@code Transfer-encoding:
 * chunked}), {@code -1} sends none; 1xx, 204 and 304 never carry a body; a body written before the
 * headers, headers sent twice, too many or too few bytes, or a handler that returns or fails
 * without completing its response break the exchange, where the server would close the connection.
 */
final class InProcessExchange extends HttpExchange {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
          .withZone(ZoneId.of("GMT"));

  /** The last second's Date header: the format has no finer unit, and formatting it is dear. */
  private static volatile DateHeader lastDate = new DateHeader(Long.MIN_VALUE, "");

  private record DateHeader(long second, String text) {}

  private final String method;
  private final URI requestUri;
  private final Headers requestHeaders;
  private final HttpContext context;
  private final InetSocketAddress local;
  private final Headers responseHeaders = new Headers();
  private final Body body = new Body();
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private InputStream requestStream;
  private OutputStream responseStream = body;
  private int responseCode = -1;
  private Map<String, List<String>> sentHeaders;
  private boolean closed;
  private String broken;

  /**
   * @param method the request method
   * @param requestUri the request target as the request line has it: raw path and query
   * @param requestHeaders the request's headers as they arrive (the names normalized by {@link
   *     Headers})
   * @param requestBody the request's body, read as sent
   * @param contextPath the server context the request fell in
   * @param handler that context's handler
   * @param port the port the server listens on
   */
  InProcessExchange(
      String method,
      URI requestUri,
      Headers requestHeaders,
      InputStream requestBody,
      String contextPath,
      HttpHandler handler,
      int port) {
    this.method = method;
    this.requestUri = requestUri;
    this.requestHeaders = requestHeaders;
    this.requestStream = requestBody;
    this.context = new Context(contextPath, handler);
    this.local = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** The response the handler completed. */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {}

  /**
   * What the handler answered, once it returned.
   *
   * @throws IOException if it broke the exchange or left it unanswered, where a client of the
   *     server would see the connection closed or never answered
   */
  Response response() throws IOException {
    if (broken == null && responseCode == -1) {
      broken = "the handler returned without sending response headers";
    }
    if (broken == null && !body.complete()) {
      broken = "the handler returned before its response body was complete";
    }
    if (broken != null) {
      throw new IOException("The local server closed the connection: " + broken);
    }
    return new Response(responseCode, sentHeaders, body.bytes());
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return requestUri;
  }

  @Override
  public String getRequestMethod() {
    return method;
  }

  @Override
  public HttpContext getHttpContext() {
    return context;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      requestStream.close();
      if (responseCode == -1) {
        broken = "the handler closed the exchange without sending response headers";
        return;
      }
      responseStream.close();
    } catch (IOException e) {
      broken = e.getMessage();
    }
  }

  @Override
  public InputStream getRequestBody() {
    return requestStream;
  }

  @Override
  public OutputStream getResponseBody() {
    return responseStream;
  }

  @Override
  public void sendResponseHeaders(int code, long length) throws IOException {
    if (responseCode != -1) {
      throw new IOException("headers already sent");
    }
    responseCode = code;
    responseHeaders.set("Date", httpDate(Instant.now()));
    boolean noContentLength = false;
    if ((code >= 100 && code < 200) || code == 204 || code == 304) {
      length = -1;
      noContentLength = code != 304;
    }
    if ("HEAD".equals(method) || code == 304) {
      body.open(0);
    } else if (length == 0) {
      responseHeaders.set("Transfer-encoding", "chunked");
      body.open(-1);
    } else {
      long fixed = Math.max(length, 0);
      if (!noContentLength) {
        responseHeaders.set("Content-length", Long.toString(fixed));
      }
      body.open(fixed);
    }
    // As on the wire: headers set after this are not sent.
    sentHeaders = Map.copyOf(responseHeaders);
  }

  /** {@code now} as the JDK server writes the {@code Date} header. */
  static String httpDate(Instant now) {
    DateHeader date = lastDate;
    if (date.second() != now.getEpochSecond()) {
      date = new DateHeader(now.getEpochSecond(), HTTP_DATE.format(now));
      lastDate = date;
    }
    return date.text();
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  @Override
  public int getResponseCode() {
    return responseCode;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return local;
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {
    if (in != null) {
      requestStream = in;
    }
    if (out != null) {
      responseStream = out;
    }
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }

  /** {@code in}, ending after {@code length} bytes, as the server reads a body of that length. */
  static InputStream limited(InputStream in, long length) {
    return new FilterInputStream(in) {
      private long left = length;

      @Override
      public int read() throws IOException {
        if (left <= 0) {
          return -1;
        }
        int b = super.read();
        if (b >= 0) {
          left--;
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int count) throws IOException {
        if (left <= 0) {
          return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(count, left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, left));
        left -= skipped;
        return skipped;
      }

      @Override
      public int available() throws IOException {
        return (int) Math.min(super.available(), left);
      }
    };
  }

  /** The response body: refused before the headers, then fixed-length or open-ended. */
  private static final class Body extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private boolean open;
    private long length;
    private boolean closed;

    /** Headers sent: {@code length} bytes follow, or any number with -1. */
    void open(long length) {
      this.open = true;
      this.length = length;
    }

    boolean complete() {
      return closed || (length >= 0 && bytes.size() == length);
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int count) throws IOException {
      if (!open) {
        throw new IOException("response headers not sent yet");
      }
      if (closed) {
        throw new IOException("stream closed");
      }
      if (length >= 0 && bytes.size() + (long) count > length) {
        throw new IOException("too many bytes to write to stream");
      }
      bytes.write(buffer, offset, count);
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      if (!open) {
        throw new IOException("response headers not sent yet");
      }
      closed = true;
      if (length >= 0 && bytes.size() < length) {
        throw new IOException("insufficient bytes written to stream");
      }
    }
  }

  /** The context the request fell in: its path and handler (no filters, no authenticator). */
  private static final class Context extends HttpContext {
    private final String path;
    private HttpHandler handler;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    Context(String path, HttpHandler handler) {
      this.path = path;
      this.handler = handler;
    }

    @Override
    public HttpHandler getHandler() {
      return handler;
    }

    @Override
    public void setHandler(HttpHandler handler) {
      this.handler = handler;
    }

    @Override
    public String getPath() {
      return path;
    }

    @Override
    public HttpServer getServer() {
      throw new UnsupportedOperationException(
          "An in-process exchange has no HttpServer; its handler is called directly");
    }

    @Override
    public Map<String, Object> getAttributes() {
      return attributes;
    }

    @Override
    public List<Filter> getFilters() {
      return List.of();
    }

    @Override
    public Authenticator setAuthenticator(Authenticator auth) {
      throw new UnsupportedOperationException("An in-process context takes no authenticator");
    }

    @Override
    public Authenticator getAuthenticator() {
      return null;
    }
  }
}
