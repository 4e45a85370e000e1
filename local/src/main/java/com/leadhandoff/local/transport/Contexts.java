package com.leadhandoff.local.transport;

import com.sun.net.httpserver.HttpHandler;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One server's request paths and their handlers, as a JDK {@code HttpServer} holds its contexts:
 * kept beside the server's own {@code createContext} calls so an in-process exchange is handed to
 * the same handler the server would pick.
 */
public final class Contexts {
  private final Map<String, HttpHandler> byPath = new ConcurrentHashMap<>();

  /** One context: the path prefix it was created with and its handler. */
  public record Context(String path, HttpHandler handler) {}

  /**
   * Adds the context {@code path}, as {@code HttpServer.createContext} does.
   *
   * @throws IllegalArgumentException if {@code path} has a context already (as the JDK server
   *     refuses it)
   */
  public void add(String path, HttpHandler handler) {
    if (byPath.putIfAbsent(path, handler) != null) {
      throw new IllegalArgumentException("cannot add context to list: " + path + " exists");
    }
  }

  /**
   * The context for {@code requestPath} (the request URI's decoded path): the longest context path
   * it starts with, the JDK server's own rule (a plain string prefix, so {@code /_aws/ses} also
   * takes {@code /_aws/sesfoo}); empty when none, where the server answers 404.
   */
  public Optional<Context> find(String requestPath) {
    String longest = null;
    for (String path : byPath.keySet()) {
      if (requestPath.startsWith(path) && (longest == null || path.length() > longest.length())) {
        longest = path;
      }
    }
    return longest == null
        ? Optional.empty()
        : Optional.of(new Context(longest, byPath.get(longest)));
  }
}
