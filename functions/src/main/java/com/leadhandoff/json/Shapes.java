package com.leadhandoff.json;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which records and enums {@link ValueTrees} maps itself: those the mapper would map by their
 * components and constant names alone. A Jackson annotation (but for a class-wide {@code NON_NULL})
 * or a bean getter beside the components leaves a type to the mapper.
 */
final class Shapes {
  private static final ClassValue<Optional<RecordShape>> RECORDS =
      new ClassValue<>() {
        @Override
        protected Optional<RecordShape> computeValue(Class<?> type) {
          return shape(type);
        }
      };

  private static final ClassValue<Boolean> ENUMS =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          if (jackson(type)) {
            return false;
          }
          for (Field field : type.getDeclaredFields()) {
            if (jackson(field)) {
              return false;
            }
          }
          for (Method method : type.getDeclaredMethods()) {
            if (jackson(method)) {
              return false;
            }
          }
          return true;
        }
      };

  private Shapes() {}

  /** A record's components in declaration order, and its canonical constructor. */
  record RecordShape(List<Component> components, Constructor<?> constructor, boolean omitsNulls) {}

  /** One component: its JSON name, its declared type and its accessor. */
  record Component(String name, Type type, Method accessor) {
    Object get(Object record) {
      try {
        return accessor.invoke(record);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
    }
  }

  /** The shape of {@code type} when it is a record {@link ValueTrees} maps itself. */
  static Optional<RecordShape> record(Class<?> type) {
    return RECORDS.get(type);
  }

  /** Whether {@code type} is an enum the mapper writes and reads by constant name. */
  static boolean plainEnum(Class<?> type) {
    return ENUMS.get(type);
  }

  private static Optional<RecordShape> shape(Class<?> type) {
    if (!type.isRecord()) {
      return Optional.empty();
    }
    boolean omitsNulls = ValueTrees.omitsNulls(type);
    for (Annotation annotation : type.getAnnotations()) {
      if (isJackson(annotation)
          && !(omitsNulls && annotation.annotationType().getSimpleName().equals("JsonInclude"))) {
        return Optional.empty();
      }
    }
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    List<Component> list = new ArrayList<>(components.length);
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      Method accessor = component.getAccessor();
      if (jackson(component) || jackson(accessor)) {
        return Optional.empty();
      }
      if (omitsNulls && isOptional(component.getGenericType())) {
        // NON_NULL and an empty Optional: left to the mapper's own rules.
        return Optional.empty();
      }
      accessor.setAccessible(true);
      types[i] = component.getType();
      names.add(component.getName());
      list.add(new Component(component.getName(), component.getGenericType(), accessor));
    }
    for (Field field : type.getDeclaredFields()) {
      if (jackson(field)) {
        return Optional.empty();
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (jackson(method) || (!names.contains(method.getName()) && beanGetter(method))) {
        return Optional.empty();
      }
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      for (Constructor<?> other : type.getDeclaredConstructors()) {
        if (jackson(other)) {
          return Optional.empty();
        }
        for (Annotation[] parameter : other.getParameterAnnotations()) {
          for (Annotation annotation : parameter) {
            if (isJackson(annotation)) {
              return Optional.empty();
            }
          }
        }
      }
      constructor.setAccessible(true);
      return Optional.of(new RecordShape(List.copyOf(list), constructor, omitsNulls));
    } catch (NoSuchMethodException | RuntimeException e) {
      return Optional.empty();
    }
  }

  // What the mapper would also take for a property: a public get-or-is method without parameters.
  private static boolean beanGetter(Method method) {
    if (Modifier.isStatic(method.getModifiers())
        || !Modifier.isPublic(method.getModifiers())
        || method.getParameterCount() != 0
        || method.getReturnType() == void.class) {
      return false;
    }
    String name = method.getName();
    return (name.startsWith("get") && name.length() > 3)
        || (name.startsWith("is")
            && name.length() > 2
            && (method.getReturnType() == boolean.class
                || method.getReturnType() == Boolean.class));
  }

  private static boolean isOptional(Type type) {
    return type == Optional.class
        || (type instanceof ParameterizedType p && p.getRawType() == Optional.class);
  }

  private static boolean jackson(AnnotatedElement element) {
    for (Annotation annotation : element.getAnnotations()) {
      if (isJackson(annotation)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJackson(Annotation annotation) {
    return annotation.annotationType().getName().startsWith("com.fasterxml.jackson.");
  }
}
