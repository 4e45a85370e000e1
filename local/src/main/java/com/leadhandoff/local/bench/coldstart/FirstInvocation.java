package com.leadhandoff.local.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The child JVM of {@link ColdStartBenchmark}: loads one handler as the Java Lambda runtime does
 * (class, no-arg constructor, then the event through the runtime's serializers unless it is a
 * {@link RequestStreamHandler}), invokes it once and prints one line: {@code FIRST init_ms
 * invoke_ms cpu_ms classes outcome}. It uses nothing but the JDK, the Lambda core interfaces and
 * the runtime's serialization library, so the classes it loads are the handler's.
 *
 * <pre>java -cp FUNCTIONS.jar:BENCH_DIR FirstInvocation HANDLER_CLASS EVENT_FILE</pre>
 */
public final class FirstInvocation {
  /** The line prefix the parent looks for. */
  public static final String PREFIX = "FIRST ";

  private FirstInvocation() {}

  public static void main(String[] args) throws Exception {
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    long start = System.nanoTime();
    Class<?> type = Class.forName(args[0]);
    Object handler = type.getDeclaredConstructor().newInstance();
    long initialised = System.nanoTime();
    String outcome = "ok";
    try {
      invoke(handler, event);
    } catch (InvocationTargetException e) {
      outcome = "error:" + e.getCause().getClass().getSimpleName();
      // Into the case's log (the parent sends stderr there), to tell why.
      e.getCause().printStackTrace();
    }
    long invoked = System.nanoTime();
    // CPU time of the whole process so far (JVM start, compiler and GC threads included): on a
    // shared machine it varies far less than elapsed time.
    long cpuNanos =
        ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
    int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.println(
        String.format(
            Locale.ROOT,
            "%s%.1f %.1f %.1f %d %s",
            PREFIX,
            (initialised - start) / 1e6,
            (invoked - initialised) / 1e6,
            cpuNanos / 1e6,
            classes,
            outcome));
    System.out.flush();
    // An exit, not a halt: -XX:ArchiveClassesAtExit writes its archive on the way out.
    System.exit(0);
  }

  @SuppressWarnings("unchecked")
  private static void invoke(Object handler, byte[] event) throws Exception {
    Context context = new BenchContext();
    if (handler instanceof RequestStreamHandler stream) {
      try {
        stream.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), context);
      } catch (Exception | Error e) {
        throw new InvocationTargetException(e);
      }
      return;
    }
    Method method = null;
    for (Method candidate : handler.getClass().getMethods()) {
      if (candidate.getName().equals("handleRequest")
          && candidate.getParameterCount() == 2
          && !candidate.isBridge()) {
        method = candidate;
      }
    }
    if (method == null) {
      throw new IllegalStateException(handler.getClass() + " has no handleRequest(event, context)");
    }
    PojoSerializer<Object> in = serializer(method.getGenericParameterTypes()[0]);
    Object input = in.fromJson(new ByteArrayInputStream(event));
    Object result = method.invoke(handler, input, context);
    if (result != null && method.getReturnType() != void.class) {
      serializer(method.getGenericReturnType()).toJson(result, new ByteArrayOutputStream());
    }
  }

  // As the Java runtime: the events library's serializers for its types, Jackson for the rest.
  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Type type) {
    Class<?> raw =
        type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
      return (PojoSerializer<Object>)
          LambdaEventSerializers.serializerFor(raw, FirstInvocation.class.getClassLoader());
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }

  private static final class BenchContext implements Context {
    @Override
    public String getAwsRequestId() {
      return "cold-start-benchmark";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + getFunctionName();
    }

    @Override
    public String getLogStreamName() {
      return "cold-start";
    }

    @Override
    public String getFunctionName() {
      String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
      return name == null ? "bench" : name;
    }

    @Override
    public String getFunctionVersion() {
      return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:000000000000:function:" + getFunctionName() + ":live";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
          System.err.println(new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }
}
