package com.leadhandoff.json;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * components and constant names alone. A Jackson annotation (but for a plain {@code NON_NULL} or
 * {@code NON_EMPTY} inclusion) or a bean getter beside the components leaves a type to the mapper.
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
  record RecordShape(List<Component> components, Constructor<?> constructor) {}

  /** Which values of a component are written: all, all but null, or all but null and empty. */
  enum Inclusion {
    ALWAYS,
    NON_NULL,
    NON_EMPTY
  }

  /** One component: its JSON name, its declared type, its accessor and which values it writes. */
  record Component(String name, Type type, Method accessor, Inclusion inclusion) {
    /** Whether the mapper leaves {@code value} of this component out. */
    boolean omits(Object value) {
      return switch (inclusion) {
        case ALWAYS -> false;
        case NON_NULL -> value == null;
        case NON_EMPTY ->
            value == null
                || (value instanceof java.util.Collection<?> c && c.isEmpty())
                || (value instanceof java.util.Map<?, ?> m && m.isEmpty())
                || (value instanceof String text && text.isEmpty());
      };
    }

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
    Optional<Inclusion> classWide = Optional.of(Inclusion.ALWAYS);
    for (Annotation annotation : type.getAnnotations()) {
      if (isJackson(annotation)) {
        classWide = inclusion(annotation).filter(i -> i == Inclusion.NON_NULL);
        if (classWide.isEmpty()) {
          return Optional.empty();
        }
      }
    }
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    List<Component> list = new ArrayList<>(components.length);
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      Method accessor = component.getAccessor();
      Optional<Inclusion> own = ownInclusion(component, accessor, type, component.getName());
      if (own.isEmpty()) {
        return Optional.empty();
      }
      Inclusion inclusion = own.get() == Inclusion.ALWAYS ? classWide.get() : own.get();
      if (inclusion != Inclusion.ALWAYS && isOptional(component.getGenericType())) {
        // An inclusion rule and an empty Optional: left to the mapper's own rules.
        return Optional.empty();
      }
      if (inclusion == Inclusion.NON_EMPTY
          && !(java.util.Collection.class.isAssignableFrom(component.getType())
              || java.util.Map.class.isAssignableFrom(component.getType())
              || component.getType() == String.class)) {
        return Optional.empty();
      }
      accessor.setAccessible(true);
      types[i] = component.getType();
      names.add(component.getName());
      list.add(new Component(component.getName(), component.getGenericType(), accessor, inclusion));
    }
    for (Field field : type.getDeclaredFields()) {
      if (jackson(field) && !names.contains(field.getName())) {
        return Optional.empty();
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      boolean accessor = names.contains(method.getName()) && method.getParameterCount() == 0;
      if ((jackson(method) && !accessor) || (!accessor && beanGetter(method))) {
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
            if (isJackson(annotation) && inclusion(annotation).isEmpty()) {
              return Optional.empty();
            }
          }
        }
      }
      constructor.setAccessible(true);
      return Optional.of(new RecordShape(List.copyOf(list), constructor));
    } catch (NoSuchMethodException | RuntimeException e) {
      return Optional.empty();
    }
  }

  // A component's own inclusion rule, from the annotations Java copies from the component onto
  // its field and accessor: ALWAYS when it has none, empty when it has any other Jackson one.
  private static Optional<Inclusion> ownInclusion(
      RecordComponent component, Method accessor, Class<?> type, String name) {
    List<Annotation> annotations = new ArrayList<>(List.of(accessor.getAnnotations()));
    annotations.addAll(List.of(component.getAnnotations()));
    try {
      annotations.addAll(List.of(type.getDeclaredField(name).getAnnotations()));
    } catch (NoSuchFieldException e) {
      return Optional.empty();
    }
    Inclusion found = Inclusion.ALWAYS;
    for (Annotation annotation : annotations) {
      if (!isJackson(annotation)) {
        continue;
      }
      Optional<Inclusion> inclusion = inclusion(annotation);
      if (inclusion.isEmpty() || (found != Inclusion.ALWAYS && found != inclusion.get())) {
        return Optional.empty();
      }
      found = inclusion.get();
    }
    return Optional.of(found);
  }

  // A plain @JsonInclude(NON_NULL) or @JsonInclude(NON_EMPTY): no content rule, no filter.
  private static Optional<Inclusion> inclusion(Annotation annotation) {
    if (!(annotation instanceof JsonInclude include)
        || (include.content() != JsonInclude.Include.ALWAYS
            && include.content() != JsonInclude.Include.USE_DEFAULTS)
        || include.valueFilter() != Void.class
        || include.contentFilter() != Void.class) {
      return Optional.empty();
    }
    return switch (include.value()) {
      case NON_NULL -> Optional.of(Inclusion.NON_NULL);
      case NON_EMPTY -> Optional.of(Inclusion.NON_EMPTY);
      default -> Optional.empty();
    };
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
