package com.leadhandoff.local.lambda;

import com.leadhandoff.local.template.LambdaFunction;
import com.leadhandoff.local.template.LocalNames;
import com.leadhandoff.settings.Settings;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template's functions, each run in this JVM with its own settings (its environment variables
 * and the runtime's clock, fed through {@link Settings#runAs}). A handler is built on its first
 * invocation and reused, as in one warm Lambda container; invocations may run concurrently.
 */
public final class LocalFunctions implements Functions {
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private final InvocationMeter meter = new InvocationMeter();

  /**
   * Registers {@code functions}; nothing is loaded until invoked.
   *
   * @param functions the template's functions
   * @param clock the clock every handler tells time by
   * @param loader where handler classes are loaded from
   */
  public LocalFunctions(List<LambdaFunction> functions, Clock clock, ClassLoader loader) {
    for (LambdaFunction function : functions) {
      containers.put(function.name(), new Container(function, settings(function, clock), loader));
    }
  }

  @Override
  public Invocation invoke(String functionNameOrArn, byte[] payload) {
    Container container = containers.get(LocalNames.functionName(functionNameOrArn));
    if (container == null) {
      throw new NoSuchFunctionException(functionNameOrArn);
    }
    long started = System.nanoTime();
    try {
      return container.invoke(payload);
    } finally {
      meter.record(container.function.name(), System.nanoTime() - started);
    }
  }

  /** Every invocation so far, per function. */
  public InvocationMeter meter() {
    return meter;
  }

  @Override
  public Set<String> names() {
    return containers.keySet();
  }

  private static Settings settings(LambdaFunction function, Clock clock) {
    // What Lambda itself sets in every function's environment, then the template's variables.
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", LocalNames.REGION);
    env.put("AWS_DEFAULT_REGION", LocalNames.REGION);
    env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(function.memorySize()));
    env.putAll(function.environment());
    return Settings.of(env, clock);
  }

  /** One function's handler, built once. */
  private static final class Container {
    private final LambdaFunction function;
    private final Settings settings;
    private final ClassLoader loader;
    private volatile Handler handler;

    Container(LambdaFunction function, Settings settings, ClassLoader loader) {
      this.function = function;
      this.settings = settings;
      this.loader = loader;
    }

    Invocation invoke(byte[] payload) {
      return settings.runAs(
          () -> {
            try {
              return new Invocation.Success(handler().invoke(payload, new LocalContext(function)));
            } catch (Throwable error) {
              if (error instanceof VirtualMachineError fatal) {
                throw fatal;
              }
              return Invocation.Failure.of(error);
            }
          });
    }

    private Handler handler() throws Throwable {
      Handler built = handler;
      if (built == null) {
        synchronized (this) {
          built = handler;
          if (built == null) {
            // A failed init is not kept: Lambda would try again in a fresh container.
            built = Handler.create(function.handlerClass(), function.handlerMethod(), loader);
            handler = built;
          }
        }
      }
      return built;
    }
  }
}
