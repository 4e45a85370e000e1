package com.leadhandoff.packaging;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.apache.logging.log4j.core.config.plugins.processor.PluginEntry;

/**
 * The build step that writes, for a shrunk Lambda package, a Log4j plugin cache naming only the
 * plugin classes the shrinker kept (functions/shrink.pro keeps the plugins the package's
 * log4j2.properties uses and drops Log4j's other appenders, layouts and filters); functions/pom.xml
 * runs it on each package after ProGuard and puts the result in the package in place of the
 * original:
 *
 * <pre>java -cp CLASSPATH com.leadhandoff.packaging.Log4jPluginCacheFilter PACKAGE.jar OUT.dat
 * </pre>
 *
 * Log4j finds a configuration's element types by name in {@code Log4j2Plugins.dat}; an entry whose
 * class is gone would be a ClassNotFoundException the day a configuration names it, so it goes from
 * the cache with its class. Not part of the packages (the shade filters leave it out).
 */
public final class Log4jPluginCacheFilter {
  static final String CACHE =
      "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";

  private Log4jPluginCacheFilter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: Log4jPluginCacheFilter PACKAGE.jar OUT.dat");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path out = Path.of(args[1]);
    PluginCache cache = new PluginCache();
    cache.loadCacheFiles(
        Collections.enumeration(List.of(new URL("jar:" + jar.toUri() + "!/" + CACHE))));
    int removed = 0;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Map<String, PluginEntry> category : cache.getAllCategories().values()) {
        int before = category.size();
        category.values().removeIf(e -> zip.getEntry(classFile(e.getClassName())) == null);
        removed += before - category.size();
      }
    }
    cache.getAllCategories().values().removeIf(Map::isEmpty);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream file = Files.newOutputStream(out)) {
      cache.writeCache(file);
    }
    System.out.println(
        jar.getFileName()
            + ": "
            + removed
            + " Log4j plugins without their class left out of "
            + out);
  }

  private static String classFile(String className) {
    return className.replace('.', '/') + ".class";
  }
}
