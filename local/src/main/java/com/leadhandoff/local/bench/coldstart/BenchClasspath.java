package com.leadhandoff.local.bench.coldstart;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jar where a child JVM finds, after the deployment package, what the Lambda runtime itself
 * would bring: the runtime's serialization library, {@link FirstInvocation} standing in for the
 * runtime loop, and the two baseline handlers. Copied class by class from this JVM's own classpath,
 * which may be the local runtime's fat jar: putting that jar on the child's classpath would hide a
 * class missing from a deployment package.
 */
final class BenchClasspath {
  private static final List<String> BENCH_CLASSES =
      List.of(
          "FirstInvocation",
          "FirstInvocation$BenchContext",
          "FirstInvocation$BenchContext$1",
          "HelloHandler",
          "OnePutItemHandler");

  // The serialization library and the Jackson it shades.
  private static final List<String> RUNTIME_PREFIXES =
      List.of(
          "com/amazonaws/services/lambda/runtime/serialization/",
          "com/amazonaws/lambda/thirdparty/");

  private BenchClasspath() {}

  /**
   * Writes the classes under {@code dir} and returns them as one jar: AppCDS archives only classes
   * from jars ("Cannot have non-empty directory in paths").
   */
  static Path write(Path dir) throws IOException {
    Path folder = folder(dir);
    Path jar = dir.resolve("bench-classes.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(folder.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static Path folder(Path dir) throws IOException {
    Path classes = Files.createDirectories(dir.resolve("bench-classes"));
    String pkg = FirstInvocation.class.getPackageName().replace('.', '/') + "/";
    for (String name : BENCH_CLASSES) {
      copy(pkg + name + ".class", classes);
    }
    Path source = codeSource();
    if (Files.isDirectory(source)) {
      copyTree(source, classes);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(source)) {
        copyTree(jar.getPath("/"), classes);
      }
    }
    return classes;
  }

  private static void copyTree(Path root, Path classes) throws IOException {
    for (String prefix : RUNTIME_PREFIXES) {
      Path from = root.resolve(prefix);
      if (!Files.isDirectory(from)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(from)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path to = classes.resolve(root.relativize(file).toString());
          Files.createDirectories(to.getParent());
          Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void copy(String resource, Path classes) throws IOException {
    try (InputStream in = BenchClasspath.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on this JVM's classpath");
      }
      Path to = classes.resolve(resource);
      Files.createDirectories(to.getParent());
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Path codeSource() {
    try {
      return Path.of(
          LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
