package com.leadhandoff.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One handler instance and how to call it: a {@link RequestStreamHandler} gets the raw JSON; any
 * other handler method gets its input deserialized and its result serialized by the serializers the
 * Java Lambda runtime uses (the events library's own for {@code
 * com.amazonaws.services.lambda.runtime.events} types, Lambda's Jackson setup for the rest).
 */
final class Handler {
  private final Object instance;
  private final Method method;
  private final boolean stream;
  private final boolean takesContext;
  private final PojoSerializer<Object> input;
  private final PojoSerializer<Object> output;

  private Handler(
      Object instance,
      Method method,
      boolean stream,
      boolean takesContext,
      PojoSerializer<Object> input,
      PojoSerializer<Object> output) {
    this.instance = instance;
    this.method = method;
    this.stream = stream;
    this.takesContext = takesContext;
    this.input = input;
    this.output = output;
  }

  /**
   * Loads {@code className}, builds it with its no-arg constructor and finds {@code methodName}.
   */
  static Handler create(String className, String methodName, ClassLoader loader) throws Throwable {
    Class<?> type = Class.forName(className, true, loader);
    Method method = find(type, methodName);
    Object instance = null;
    if (!Modifier.isStatic(method.getModifiers())) {
      try {
        instance = type.getDeclaredConstructor().newInstance();
      } catch (InvocationTargetException e) {
        throw e.getCause();
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(className + " needs a public no-arg constructor", e);
      }
    }
    Class<?>[] params = method.getParameterTypes();
    if (params.length >= 2
        && InputStream.class.isAssignableFrom(params[0])
        && OutputStream.class.isAssignableFrom(params[1])) {
      return new Handler(instance, method, true, params.length == 3, null, null);
    }
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    bind(type, bindings);
    PojoSerializer<Object> in =
        params.length == 0
            ? null
            : serializer(resolve(method.getGenericParameterTypes()[0], bindings), loader);
    Type returned = resolve(method.getGenericReturnType(), bindings);
    PojoSerializer<Object> out =
        returned == void.class || returned == Void.class ? null : serializer(returned, loader);
    boolean takesContext = params.length == 2;
    return new Handler(instance, method, false, takesContext, in, out);
  }

  /** Calls the handler with a JSON event; returns its JSON result. */
  byte[] invoke(byte[] event, Context context) throws Throwable {
    try {
      if (stream) {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        Object[] args =
            takesContext
                ? new Object[] {new ByteArrayInputStream(event), result, context}
                : new Object[] {new ByteArrayInputStream(event), result};
        method.invoke(instance, args);
        return result.toByteArray();
      }
      Object[] args;
      if (input == null) {
        args = new Object[0];
      } else {
        Object value = input.fromJson(new ByteArrayInputStream(event));
        args = takesContext ? new Object[] {value, context} : new Object[] {value};
      }
      Object result = method.invoke(instance, args);
      if (output == null || result == null) {
        return "null".getBytes(StandardCharsets.UTF_8);
      }
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      output.toJson(result, json);
      return json.toByteArray();
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static Method find(Class<?> type, String name) {
    List<Method> candidates =
        Arrays.stream(type.getMethods())
            .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
            .filter(m -> m.getParameterCount() <= 3)
            .toList();
    if (candidates.isEmpty()) {
      throw new IllegalStateException(
          type.getName() + " has no public method " + name + " to handle events");
    }
    // Like the Java runtime's method priority: the longest signature wins, a trailing Context
    // counting one more; so a stream handler's (InputStream, OutputStream, Context) wins over a
    // typed (event, Context) overload of the same name.
    return candidates.stream().max(Comparator.comparingInt(Handler::priority)).orElseThrow();
  }

  private static int priority(Method method) {
    return method.getParameterCount() + (lastIsContext(method) ? 1 : 0);
  }

  private static boolean lastIsContext(Method method) {
    Class<?>[] params = method.getParameterTypes();
    return params.length > 0 && params[params.length - 1] == Context.class;
  }

  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Type type, ClassLoader loader) {
    Class<?> raw = raw(type);
    if (raw != null && LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, loader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  /** Records what each type variable of {@code type}'s supertypes stands for. */
  private static void bind(Type type, Map<TypeVariable<?>, Type> bindings) {
    Class<?> raw = raw(type);
    if (raw == null) {
      return;
    }
    if (type instanceof ParameterizedType p) {
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] actual = p.getActualTypeArguments();
      for (int i = 0; i < variables.length; i++) {
        bindings.put(variables[i], resolve(actual[i], bindings));
      }
    }
    if (raw.getGenericSuperclass() != null) {
      bind(raw.getGenericSuperclass(), bindings);
    }
    for (Type parent : raw.getGenericInterfaces()) {
      bind(parent, bindings);
    }
  }

  private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
    Type current = type;
    while (current instanceof TypeVariable<?> variable) {
      Type bound = bindings.get(variable);
      if (bound == null) {
        return Object.class;
      }
      current = bound;
    }
    return current;
  }
}
