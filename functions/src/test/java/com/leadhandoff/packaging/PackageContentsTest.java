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

  /**
   * Issue 13's budget for the package every function but the digest runs, in bytes (12 MB,
   * decimal). A change that makes it larger must shrink something else or say why in this limit.
   */
  private static final long FUNCTIONS_PACKAGE_LIMIT = 12_000_000;

  @Test
  void functionsPackage_isWithinItsSizeBudget() throws IOException {
    long size = Files.size(TARGET.resolve("lead-handoff-functions.zip"));
    assertTrue(
        size <= FUNCTIONS_PACKAGE_LIMIT,
        "lead-handoff-functions.zip is "
            + size
            + " bytes, over the "
            + FUNCTIONS_PACKAGE_LIMIT
            + " of docs/performance.md (Packages)");
  }

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
  @SuppressWarnings("unchecked")
  void log4j_startsFromThePackagesConfiguration_withItsJsonAppenderAndLayout() throws Exception {
    // Log4j builds each element of log4j2.properties from the plugin cache by name: the shrinker
    // keeps only the plugins Log4j's kept classes refer to and the ones that configuration names
    // (shrink.pro, "Log4j plugins"). Started from the package alone, it must build the JSON
    // appender and lay an event out through every resolver of Powertools' template.
    for (String zip : FULL_JAR_OF.keySet()) {
      ClassLoader previous = Thread.currentThread().getContextClassLoader();
      try (URLClassLoader loader = isolatedLoader(zip)) {
        // Log4j finds its plugins and its configuration through the context class loader.
        Thread.currentThread().setContextClassLoader(loader);
        Class<?> configurator =
            Class.forName("org.apache.logging.log4j.core.config.Configurator", true, loader);
        Object context =
            configurator
                .getMethod("initialize", String.class, ClassLoader.class, String.class)
                .invoke(null, "package-check-" + zip, loader, "classpath:log4j2.properties");
        try {
          Object configuration = context.getClass().getMethod("getConfiguration").invoke(context);
          Map<String, Object> appenders =
              (Map<String, Object>)
                  configuration.getClass().getMethod("getAppenders").invoke(configuration);
          Object appender = appenders.get("JsonAppender");
          assertEquals(
              "org.apache.logging.log4j.core.appender.ConsoleAppender",
              appender == null ? null : appender.getClass().getName(),
              zip + ": appenders " + appenders);
          Object layout = appender.getClass().getMethod("getLayout").invoke(appender);
          assertEquals(
              "org.apache.logging.log4j.layout.template.json.JsonTemplateLayout",
              layout.getClass().getName(),
              zip);

          Class<?> builderType =
              Class.forName(
                  "org.apache.logging.log4j.core.impl.Log4jLogEvent$Builder", true, loader);
          Class<?> levelType = Class.forName("org.apache.logging.log4j.Level", true, loader);
          Class<?> messageType =
              Class.forName("org.apache.logging.log4j.message.Message", true, loader);
          Object builder = builderType.getConstructor().newInstance();
          builderType.getMethod("setLoggerName", String.class).invoke(builder, "packaging");
          builderType
              .getMethod("setLevel", levelType)
              .invoke(builder, levelType.getField("WARN").get(null));
          builderType
              .getMethod("setMessage", messageType)
              .invoke(
                  builder,
                  Class.forName("org.apache.logging.log4j.message.SimpleMessage", true, loader)
                      .getConstructor(String.class)
                      .newInstance("package check"));
          builderType
              .getMethod("setThrown", Throwable.class)
              .invoke(builder, new IllegalStateException("thrown"));
          Object event = builderType.getMethod("build").invoke(builder);
          String json =
              (String)
                  layout
                      .getClass()
                      .getMethod(
                          "toSerializable",
                          Class.forName("org.apache.logging.log4j.core.LogEvent", true, loader))
                      .invoke(layout, event);
          for (String field :
              List.of(
                  "\"level\":\"WARN\"",
                  "\"message\":\"package check\"",
                  "\"name\":\"java.lang.IllegalStateException\"",
                  "\"timestamp\"")) {
            assertTrue(json.contains(field), zip + ": " + field + " not in " + json);
          }
        } finally {
          configurator.getMethod("shutdown", context.getClass()).invoke(null, context);
        }
      } finally {
        Thread.currentThread().setContextClassLoader(previous);
      }
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
        // what Class.forName and loadClass would be given. A Class constant that only the
        // InnerClasses attribute names is left out: the SDK's client interfaces keep such
        // records for the request builders of operations we do not call (their default methods
        // are gone, shrink.pro), and the JVM resolves an InnerClasses record only when reflection
        // asks about that nested class or its declaring class (JVMS 4.7.6), matching the names
        // before it loads anything.
        Set<String> named = new TreeSet<>(pool.classNamesOutsideInnerClasses());
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

  /**
   * The constant pool of a class file (JVMS §4.4), as far as these checks need it, with the Class
   * constants the rest of the file uses other than in its InnerClasses attribute.
   */
  private record ConstantPool(
      Object[] entries, int[][] refs, int[] kinds, Set<Integer> usedClasses) {
    /** Attributes that name no Class constant (JVMS §4.7): they need not be searched. */
    private static final Set<String> NO_CLASS_CONSTANTS =
        Set.of(
            "InnerClasses",
            "ConstantValue",
            "Signature",
            "SourceFile",
            "SourceDebugExtension",
            "LineNumberTable",
            "LocalVariableTable",
            "LocalVariableTypeTable",
            "MethodParameters",
            "Deprecated",
            "Synthetic",
            "Record",
            "AnnotationDefault",
            "RuntimeVisibleAnnotations",
            "RuntimeInvisibleAnnotations",
            "RuntimeVisibleParameterAnnotations",
            "RuntimeInvisibleParameterAnnotations",
            "RuntimeVisibleTypeAnnotations",
            "RuntimeInvisibleTypeAnnotations");

    /** Attributes that are a count and as many Class constants. */
    private static final Set<String> CLASS_LISTS =
        Set.of("Exceptions", "NestMembers", "PermittedSubclasses");

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
      Set<Integer> used = new TreeSet<>();
      for (int i = 1; i < count; i++) {
        if (kinds[i] == 9 || kinds[i] == 10 || kinds[i] == 11) {
          used.add(refs[i][0]); // a field's or method's class
        }
      }
      in.readUnsignedShort(); // access flags
      used.add(in.readUnsignedShort()); // this class
      used.add(in.readUnsignedShort()); // super class
      for (int n = in.readUnsignedShort(); n > 0; n--) {
        used.add(in.readUnsignedShort()); // an interface
      }
      for (int members = 0; members < 2; members++) { // fields, then methods
        for (int n = in.readUnsignedShort(); n > 0; n--) {
          in.skipBytes(6); // access flags, name, descriptor
          readAttributes(in, entries, used);
        }
      }
      readAttributes(in, entries, used);
      Set<Integer> usedClasses = new TreeSet<>();
      for (int i : used) {
        if (i > 0 && i < count && kinds[i] == 7) {
          usedClasses.add(i);
        }
      }
      return new ConstantPool(entries, refs, kinds, usedClasses);
    }

    /**
     * Adds the constants an attribute list may name as a class: a Code attribute's instructions and
     * exception handlers exactly, and, in any other attribute that can name a class (Exceptions,
     * StackMapTable, EnclosingMethod, NestHost, NestMembers, PermittedSubclasses, BootstrapMethods,
     * or one this test does not know), every two bytes read as an index.
     */
    private static void readAttributes(DataInputStream in, Object[] entries, Set<Integer> used)
        throws IOException {
      for (int n = in.readUnsignedShort(); n > 0; n--) {
        String name = (String) entries[in.readUnsignedShort()];
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        if (name.equals("Code")) {
          DataInputStream code = new DataInputStream(new ByteArrayInputStream(body));
          code.skipBytes(4); // max stack, max locals
          byte[] instructions = new byte[code.readInt()];
          code.readFully(instructions);
          instructionOperands(instructions, used);
          for (int h = code.readUnsignedShort(); h > 0; h--) {
            code.skipBytes(6); // start, end, handler
            used.add(code.readUnsignedShort()); // the caught class
          }
          readAttributes(code, entries, used);
        } else if (CLASS_LISTS.contains(name)) {
          DataInputStream list = new DataInputStream(new ByteArrayInputStream(body));
          for (int c = list.readUnsignedShort(); c > 0; c--) {
            used.add(list.readUnsignedShort());
          }
        } else if (name.equals("NestHost") || name.equals("EnclosingMethod")) {
          used.add(((body[0] & 0xff) << 8) | (body[1] & 0xff));
        } else if (name.equals("StackMapTable")) {
          stackMapClasses(new DataInputStream(new ByteArrayInputStream(body)), used);
        } else if (!NO_CLASS_CONSTANTS.contains(name)) {
          // BootstrapMethods (whose arguments may be classes) or an attribute this test does
          // not know: every two bytes read as an index, which can only find too many.
          for (int b = 0; b + 1 < body.length; b++) {
            used.add(((body[b] & 0xff) << 8) | (body[b + 1] & 0xff));
          }
        }
      }
    }

    /** The classes of a StackMapTable's Object_variable_info entries (JVMS §4.7.4). */
    private static void stackMapClasses(DataInputStream frames, Set<Integer> used)
        throws IOException {
      for (int n = frames.readUnsignedShort(); n > 0; n--) {
        int type = frames.readUnsignedByte();
        if (type >= 64 && type <= 127) {
          verificationType(frames, used);
        } else if (type == 247) {
          frames.readUnsignedShort();
          verificationType(frames, used);
        } else if (type >= 248 && type <= 251) {
          frames.readUnsignedShort();
        } else if (type >= 252 && type <= 254) {
          frames.readUnsignedShort();
          for (int k = type - 251; k > 0; k--) {
            verificationType(frames, used);
          }
        } else if (type == 255) {
          frames.readUnsignedShort();
          for (int part = 0; part < 2; part++) { // locals, then stack
            for (int k = frames.readUnsignedShort(); k > 0; k--) {
              verificationType(frames, used);
            }
          }
        }
      }
    }

    private static void verificationType(DataInputStream frames, Set<Integer> used)
        throws IOException {
      int tag = frames.readUnsignedByte();
      if (tag == 7) {
        used.add(frames.readUnsignedShort()); // Object_variable_info
      } else if (tag == 8) {
        frames.readUnsignedShort(); // Uninitialized_variable_info: an offset
      }
    }

    /** The constant pool operands of the instructions that name a class or load a constant. */
    private static void instructionOperands(byte[] code, Set<Integer> used) {
      int pc = 0;
      while (pc < code.length) {
        int op = code[pc] & 0xff;
        switch (op) {
          case 0x12 -> used.add(code[pc + 1] & 0xff); // ldc
          case 0x13, 0xbb, 0xbd, 0xc0, 0xc1, 0xc5 -> // ldc_w, new, anewarray, checkcast,
              // instanceof, multianewarray
              used.add(((code[pc + 1] & 0xff) << 8) | (code[pc + 2] & 0xff));
          default -> {}
        }
        pc += instructionLength(code, pc, op);
      }
    }

    /** An instruction's length in bytes (JVMS §6.5). */
    private static int instructionLength(byte[] code, int pc, int op) {
      if (op == 0xaa || op == 0xab) { // tableswitch, lookupswitch: padded to 4 bytes
        int at = (pc + 4) & ~3;
        if (op == 0xaa) {
          int low = readInt(code, at + 4);
          int high = readInt(code, at + 8);
          return at + 12 + 4 * (high - low + 1) - pc;
        }
        return at + 8 + 8 * readInt(code, at + 4) - pc;
      }
      if (op == 0xc4) { // wide
        return (code[pc + 1] & 0xff) == 0x84 ? 6 : 4;
      }
      if (op == 0x10
          || op == 0x12
          || (op >= 0x15 && op <= 0x19)
          || (op >= 0x36 && op <= 0x3a)
          || op == 0xa9
          || op == 0xbc) {
        return 2;
      }
      if (op == 0x11
          || op == 0x13
          || op == 0x14
          || op == 0x84
          || (op >= 0x99 && op <= 0xa8)
          || (op >= 0xb2 && op <= 0xb8)
          || op == 0xbb
          || op == 0xbd
          || op == 0xc0
          || op == 0xc1
          || op == 0xc6
          || op == 0xc7) {
        return 3;
      }
      if (op == 0xc5) {
        return 4;
      }
      if (op == 0xb9 || op == 0xba || op == 0xc8 || op == 0xc9) {
        return 5;
      }
      return 1;
    }

    private static int readInt(byte[] b, int at) {
      return ((b[at] & 0xff) << 24)
          | ((b[at + 1] & 0xff) << 16)
          | ((b[at + 2] & 0xff) << 8)
          | (b[at + 3] & 0xff);
    }

    /**
     * Classes named by the Class constants something other than the InnerClasses attribute uses,
     * dotted; array types by their element class.
     */
    Set<String> classNamesOutsideInnerClasses() {
      Set<String> names = new TreeSet<>();
      for (int i : usedClasses) {
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
