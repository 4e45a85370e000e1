package com.leadhandoff.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.apache.logging.log4j.core.config.plugins.processor.PluginEntry;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Lambda packages as ProGuard left them (functions/shrink.pro) still hold everything the
 * functions load: each handler template.yaml names, every class a service file, an SDK
 * execution.interceptors file or Log4j's plugin cache names, every SDK operation our code calls,
 * and every class any class of the package refers to that the shaded package had. Run by the {@code
 * package-tests} execution after {@code package} ({@code mvn verify}), on the built zips.
 */
class PackageContentsTest {
  private static final Path TARGET = Path.of(System.getProperty("packages.dir", "target"));
  private static final Map<String, String> FULL_JAR_OF =
      Map.of(
          "lead-handoff-functions.zip", "lead-handoff-functions-full.jar",
          "lead-handoff-digest.zip", "lead-handoff-digest-full.jar");
  private static final Pattern SDK_CLIENT =
      Pattern.compile("software/amazon/awssdk/services/(\\w+)/(\\w+)Client");
  private static final Set<String> CLIENT_METHODS_NOT_OPERATIONS =
      Set.of("builder", "create", "close", "serviceName", "serviceClientConfiguration");

  @Test
  void everyHandlerInTemplate_isInItsCodeUriPackage_withItsHandlerMethod() throws Exception {
    Map<String, List<String>> handlersByPackage = handlersByPackage();
    assertEquals(FULL_JAR_OF.keySet(), handlersByPackage.keySet());
    for (Map.Entry<String, List<String>> e : handlersByPackage.entrySet()) {
      try (URLClassLoader loader = isolatedLoader(e.getKey())) {
        for (String handler : e.getValue()) {
          String[] parts = handler.split("::");
          // Loaded as the runtime does, from the package alone: its supertypes must resolve.
          Class<?> type = Class.forName(parts[0], false, loader);
          String method = parts.length > 1 ? parts[1] : "handleRequest";
          assertTrue(
              Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(method)),
              handler + " has no method " + method + " in " + e.getKey());
        }
      }
    }
  }

  @Test
  void everyServiceFileInterceptorFileAndLog4jPluginEntry_namesAClassInThePackage()
      throws Exception {
    for (String zip : FULL_JAR_OF.keySet()) {
      Set<String> classes = classNames(TARGET.resolve(zip));
      List<String> missing = new ArrayList<>();
      int named = 0;
      try (ZipFile file = new ZipFile(TARGET.resolve(zip).toFile())) {
        for (ZipEntry entry : Collections.list(file.entries())) {
          String name = entry.getName();
          if ((name.startsWith("META-INF/services/") && !entry.isDirectory())
              || name.endsWith("/execution.interceptors")) {
            for (String line : text(file, entry).split("\n")) {
              String className = line.replaceAll("#.*", "").trim();
              if (!className.isEmpty()) {
                named++;
                if (!classes.contains(className)) {
                  missing.add(name + ": " + className);
                }
              }
            }
          }
        }
      }
      PluginCache plugins = new PluginCache();
      plugins.loadCacheFiles(
          Collections.enumeration(
              List.of(
                  new URL(
                      "jar:"
                          + TARGET.resolve(zip).toUri()
                          + "!/META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat"))));
      for (Map<String, PluginEntry> category : plugins.getAllCategories().values()) {
        for (PluginEntry plugin : category.values()) {
          named++;
          if (!classes.contains(plugin.getClassName())) {
            missing.add("Log4j2Plugins.dat: " + plugin.getClassName());
          }
        }
      }
      assertTrue(named > 100, zip + ": only " + named + " classes named, the scan is broken");
      assertEquals(List.of(), missing, zip);
    }
  }

  @Test
  void everySdkOperationOurCodeCalls_keepsItsClientMethodModelAndMarshaller() throws Exception {
    for (String zip : FULL_JAR_OF.keySet()) {
      Path path = TARGET.resolve(zip);
      Set<String> classes = classNames(path);
      // service/Client -> operations, as our classes' constant pools refer to them.
      Map<String, Set<String>> operations = new TreeMap<>();
      for (Map.Entry<String, byte[]> c : classFiles(path, "com/leadhandoff/").entrySet()) {
        for (String[] ref : ConstantPool.read(c.getValue()).methodRefs()) {
          Matcher client = SDK_CLIENT.matcher(ref[0]);
          if (client.matches() && !CLIENT_METHODS_NOT_OPERATIONS.contains(ref[1])) {
            operations.computeIfAbsent(ref[0], k -> new TreeSet<>()).add(ref[1]);
          }
        }
      }
      // What the functions call today (AwsClients, the stores, SesMailer, the workflow and
      // events adapters, the priming): if the scan finds less, it is broken.
      Set<String> found =
          operations.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
      assertTrue(
          found.containsAll(
              Set.of(
                  "getItem",
                  "putItem",
                  "updateItem",
                  "query",
                  "transactWriteItems",
                  "sendEmail",
                  "putEvents",
                  "startExecution",
                  "sendTaskSuccess",
                  "sendTaskFailure")),
          zip + ": operations found " + operations);
      List<String> missing = new ArrayList<>();
      try (URLClassLoader loader = isolatedLoader(zip)) {
        for (Map.Entry<String, Set<String>> e : operations.entrySet()) {
          Matcher client = SDK_CLIENT.matcher(e.getKey());
          assertTrue(client.matches());
          String base = "software.amazon.awssdk.services." + client.group(1) + ".";
          Set<String> implemented =
              Arrays.stream(
                      Class.forName(base + "Default" + client.group(2) + "Client", false, loader)
                          .getDeclaredMethods())
                  .map(Method::getName)
                  .collect(Collectors.toSet());
          for (String method : e.getValue()) {
            // A paginator method (queryPaginator) pages through its operation (query).
            String operation = method.replaceFirst("Paginator$", "");
            if (!implemented.contains(operation)) {
              missing.add(e.getKey() + "." + operation + " (Default client method)");
            }
            String op = Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
            if (!operation.equals(method)
                && !classes.contains(base + "paginators." + op + "Iterable")) {
              missing.add(base + "paginators." + op + "Iterable");
            }
            for (String needed :
                List.of(
                    base + "model." + op + "Request",
                    base + "model." + op + "Response",
                    base + "transform." + op + "RequestMarshaller")) {
              if (!classes.contains(needed)) {
                missing.add(needed);
              }
            }
          }
        }
      }
      assertEquals(List.of(), missing, zip);
    }
  }

  @Test
  void sdkPriming_runsEveryPrimedOperation_fromThePackageAlone() throws Exception {
    // The SnapStart priming calls each SDK operation the functions call through a canned HTTP
    // client (marshal, sign, send, unmarshal; nothing leaves the JVM). Run from the package in a
    // class loader of its own, it proves those paths link without a class the shrinker dropped.
    for (String zip : FULL_JAR_OF.keySet()) {
      try (URLClassLoader loader = isolatedLoader(zip)) {
        Class<?> cannedType =
            Class.forName("com.leadhandoff.priming.CannedHttpClient", true, loader);
        Constructor<?> canned = cannedType.getDeclaredConstructor();
        canned.setAccessible(true);
        Class<?> primingType = Class.forName("com.leadhandoff.priming.SdkPriming", true, loader);
        Constructor<?> priming = primingType.getDeclaredConstructor(cannedType);
        priming.setAccessible(true);
        Object http = canned.newInstance();
        Object sdk = priming.newInstance(http);
        for (String service : List.of("dynamo", "ses", "eventBridge", "stepFunctions")) {
          Method step = primingType.getDeclaredMethod(service);
          step.setAccessible(true);
          step.invoke(sdk);
        }
        Method requests = cannedType.getDeclaredMethod("requests");
        requests.setAccessible(true);
        assertFalse(((List<?>) requests.invoke(http)).isEmpty(), zip + ": nothing was primed");
      }
    }
  }

  @Test
  void noClassInThePackage_refersToAClassTheShrinkerRemoved() throws Exception {
    for (Map.Entry<String, String> zip : FULL_JAR_OF.entrySet()) {
      Set<String> kept = classNames(TARGET.resolve(zip.getKey()));
      Set<String> shaded = classNames(TARGET.resolve(zip.getValue()));
      assertTrue(kept.size() < shaded.size(), zip.getKey() + " is not shrunk");
      Map<String, Set<String>> dangling = new TreeMap<>();
      for (Map.Entry<String, byte[]> c : classFiles(TARGET.resolve(zip.getKey()), "").entrySet()) {
        ConstantPool pool = ConstantPool.read(c.getValue());
        // Class constants are what the JVM resolves; string constants that name a class are
        // what Class.forName and loadClass would be given.
        Set<String> named = new TreeSet<>(pool.classNames());
        pool.strings().stream().filter(shaded::contains).forEach(named::add);
        for (String name : named) {
          if (shaded.contains(name) && !kept.contains(name)) {
            dangling.computeIfAbsent(c.getKey(), k -> new TreeSet<>()).add(name);
          }
        }
      }
      assertEquals(Map.of(), dangling, zip.getKey());
    }
  }

  @Test
  void everyClassOfThePackage_verifiesAsInTheShadedPackage() throws Exception {
    // ProGuard computes every class's StackMapTable again. A JVM writing a CDS archive loads,
    // links and so verifies each class of its class list without initializing it, and names
    // each that fails: the shrunk package may fail no class that the shaded one verifies.
    for (Map.Entry<String, String> zip : FULL_JAR_OF.entrySet()) {
      Set<String> shrunk = failingVerification(zip.getKey());
      shrunk.removeAll(failingVerification(zip.getValue()));
      assertEquals(Set.of(), shrunk, zip.getKey());
    }
  }

  private static Set<String> failingVerification(String archive) throws Exception {
    Path classList = Files.createTempFile("classes", ".txt");
    Path cds = Files.createTempFile("verify", ".jsa");
    try {
      Files.write(
          classList,
          classNames(TARGET.resolve(archive)).stream()
              .map(n -> n.replace('.', '/'))
              .sorted()
              .toList());
      Process java =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xshare:dump",
                  "-XX:SharedClassListFile=" + classList,
                  "-XX:SharedArchiveFile=" + cds,
                  "-cp",
                  TARGET.resolve(archive).toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, java.waitFor(), output);
      Matcher failed = Pattern.compile("Verification failed for (\\S+)").matcher(output);
      Set<String> failing = new TreeSet<>();
      while (failed.find()) {
        failing.add(failed.group(1));
      }
      return failing;
    } finally {
      Files.deleteIfExists(classList);
      Files.deleteIfExists(cds);
    }
  }

  /** Each function's handler by the package its CodeUri (or the global one) names. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> handlersByPackage() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    Path template =
        Files.exists(root.resolve("template.yaml"))
            ? root.resolve("template.yaml")
            : root.getParent().resolve("template.yaml");
    // Only Type, CodeUri and Handler are read, none of which uses a CloudFormation short tag: the
    // tags are dropped so that SnakeYAML reads the rest as plain values.
    String yaml = Files.readString(template).replaceAll("(?<=[\\s\\[])!\\w+(?=[\\s\\[])", "");
    Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    Map<String, Object> globals =
        (Map<String, Object>) ((Map<String, Object>) doc.get("Globals")).get("Function");
    Map<String, List<String>> byPackage = new TreeMap<>();
    for (Object value : ((Map<String, Object>) doc.get("Resources")).values()) {
      Map<String, Object> resource = (Map<String, Object>) value;
      if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
        Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
        String codeUri =
            (String) properties.getOrDefault("CodeUri", globals.get("CodeUri").toString());
        byPackage
            .computeIfAbsent(Path.of(codeUri).getFileName().toString(), k -> new ArrayList<>())
            .add((String) properties.get("Handler"));
      }
    }
    assertTrue(byPackage.values().stream().mapToInt(List::size).sum() >= 20, byPackage.toString());
    return byPackage;
  }

  /** A loader that sees the package and the JDK only, as the Lambda runtime's does. */
  private static URLClassLoader isolatedLoader(String zip) throws IOException {
    return new URLClassLoader(
        new URL[] {TARGET.resolve(zip).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }

  private static Set<String> classNames(Path archive) throws IOException {
    try (ZipFile file = new ZipFile(archive.toFile())) {
      return file.stream()
          .map(ZipEntry::getName)
          .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
          .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
          .collect(Collectors.toSet());
    }
  }

  private static Map<String, byte[]> classFiles(Path archive, String prefix) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipFile file = new ZipFile(archive.toFile())) {
      for (ZipEntry entry : Collections.list(file.entries())) {
        if (entry.getName().startsWith(prefix)
            && entry.getName().endsWith(".class")
            && !entry.getName().startsWith("META-INF/")) {
          try (InputStream in = file.getInputStream(entry)) {
            files.put(entry.getName(), in.readAllBytes());
          }
        }
      }
    }
    return files;
  }

  private static String text(ZipFile file, ZipEntry entry) {
    try (InputStream in = file.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The constant pool of a class file (JVMS §4.4), as far as these checks need it. */
  private record ConstantPool(Object[] entries, int[][] refs, int[] kinds) {
    static ConstantPool read(byte[] classFile) throws IOException {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
      in.readInt(); // magic
      in.readUnsignedShort(); // minor
      in.readUnsignedShort(); // major
      int count = in.readUnsignedShort();
      Object[] entries = new Object[count];
      int[][] refs = new int[count][];
      int[] kinds = new int[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        kinds[i] = tag;
        switch (tag) {
          case 1 -> entries[i] = in.readUTF();
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++;
          }
          case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
          case 9, 10, 11, 12, 17, 18 ->
              refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
          case 15 -> refs[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
          default -> throw new IOException("Unknown constant pool tag " + tag + " at " + i);
        }
      }
      return new ConstantPool(entries, refs, kinds);
    }

    /** Classes named by Class constants, dotted; array types by their element class. */
    Set<String> classNames() {
      Set<String> names = new TreeSet<>();
      for (int i = 1; i < kinds.length; i++) {
        if (kinds[i] == 7) {
          String name = (String) entries[refs[i][0]];
          if (name.startsWith("[")) {
            int l = name.indexOf('L');
            if (l < 0) {
              continue;
            }
            name = name.substring(l + 1, name.length() - 1);
          }
          names.add(name.replace('/', '.'));
        }
      }
      return names;
    }

    /** String constants' values. */
    List<String> strings() {
      List<String> strings = new ArrayList<>();
      for (int i = 1; i < kinds.length; i++) {
        if (kinds[i] == 8) {
          strings.add((String) entries[refs[i][0]]);
        }
      }
      return strings;
    }

    /** Method and interface method references as {owner, name}, owner in slashes. */
    List<String[]> methodRefs() {
      List<String[]> methods = new ArrayList<>();
      for (int i = 1; i < kinds.length; i++) {
        if (kinds[i] == 10 || kinds[i] == 11) {
          String owner = (String) entries[refs[refs[i][0]][0]];
          String name = (String) entries[refs[refs[i][1]][0]];
          methods.add(new String[] {owner, name});
        }
      }
      return methods;
    }
  }
}
